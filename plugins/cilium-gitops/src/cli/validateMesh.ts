/**
 * `cilium-gitops validate-mesh <dir>`: the Cluster Mesh preflight over every
 * `<dir>/<name>/cluster.yaml`. Each spec must be valid on its own, then the
 * set must be a consistent mesh (see spec/rules/meshSet.ts); every listed peer
 * must be one of the specs. Exit 0 when consistent, 1 with every problem
 * printed per file, 2 on usage errors.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { formatIssues } from '../spec/errors';
import {
  type MeshIssue,
  type NamedSpec,
  meshSetIssues,
} from '../spec/rules/meshSet';
import type { ClusterSpec } from '../spec/types';
import { EXIT_INVALID, EXIT_OK, UsageError } from './usage';

export interface MeshCliDeps {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
}

/** Prints mesh issues grouped by file, in the order of `sources`. */
export function printMeshIssues(
  issues: MeshIssue[],
  sources: string[],
  deps: Pick<MeshCliDeps, 'stderr'>,
): void {
  for (const source of sources) {
    const own = issues.filter(i => i.source === source);
    if (own.length) {
      deps.stderr(
        `${source}: ${formatIssues(own).replace(
          'invalid cluster spec',
          'invalid Cluster Mesh',
        )}\n`,
      );
    }
  }
}

/** `<dir>/<name>/cluster.yaml` for every folder of `dir` that has one, sorted. */
async function specFiles(dir: string, cwd: string): Promise<string[]> {
  const entries = await fs.readdir(path.resolve(cwd, dir), {
    withFileTypes: true,
  });
  const files: string[] = [];
  for (const entry of entries.filter(e => e.isDirectory())) {
    const file = path.join(dir, entry.name, 'cluster.yaml');
    const found = await fs
      .stat(path.resolve(cwd, file))
      .then(s => s.isFile())
      .catch(() => false);
    if (found) files.push(file);
  }
  return files.sort();
}

export async function validateMeshCommand(
  args: string[],
  deps: MeshCliDeps,
  loadSpec: (
    file: string,
  ) => Promise<{ ok: true; spec: ClusterSpec } | { ok: false }>,
): Promise<number> {
  if (args.length !== 1) throw new UsageError('validate-mesh takes <dir>');
  const [dir] = args;
  let files: string[];
  try {
    files = await specFiles(dir, deps.cwd);
  } catch (error) {
    deps.stderr(`${dir}: cannot read: ${(error as Error).message}\n`);
    return EXIT_INVALID;
  }
  if (files.length === 0) {
    deps.stderr(`${dir}: no <name>/cluster.yaml in it\n`);
    return EXIT_INVALID;
  }
  const valid: NamedSpec[] = [];
  for (const file of files) {
    const loaded = await loadSpec(file);
    if (loaded.ok) valid.push({ source: file, spec: loaded.spec });
  }
  if (valid.length < files.length) return EXIT_INVALID;
  const issues = meshSetIssues(valid, { requirePeers: true });
  printMeshIssues(issues, files, deps);
  if (issues.length) return EXIT_INVALID;
  for (const { source, spec } of valid) {
    const peers = spec.spec.clusterMesh.peers;
    const peering = peers.length
      ? `peers with ${peers.join(', ')}`
      : 'has no peers';
    deps.stdout(
      `${source}: ${spec.metadata.name} (cluster id ${spec.spec.clusterId}, Cilium ${spec.spec.cilium.version}) ${peering}\n`,
    );
  }
  deps.stdout(
    `${dir}: a consistent Cluster Mesh of ${valid.length} clusters\n`,
  );
  return EXIT_OK;
}
