import fs from 'node:fs';
import path from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import git from 'isomorphic-git';
import {
  type ClusterSpec,
  type NamedSpec,
  meshSetIssues,
} from '@internal/cilium-gitops';
import yaml from 'yaml';
import type { ClusterRenderer } from './clusterRenderer';
import type { SpecIssueLike } from './specIssues';

const THIS_CLUSTER = 'this cluster';

/** A peer's `cluster.yaml` text and where it was read; undefined when absent. */
export type PeerSpecSource = (
  peer: string,
) => Promise<{ source: string; text: string } | undefined>;

/** Peers' specs in a workspace folder, as `<dir>/<peer>/cluster.yaml`. */
export function workspacePeerSpecs(
  workspacePath: string,
  meshSpecsDir: string,
): PeerSpecSource {
  const dir = resolveSafeChildPath(workspacePath, meshSpecsDir);
  return async peer => {
    const text = await fs.promises
      .readFile(path.join(dir, peer, 'cluster.yaml'), 'utf8')
      .catch(() => undefined);
    return text === undefined
      ? undefined
      : { source: path.join(meshSpecsDir, peer, 'cluster.yaml'), text };
  };
}

/**
 * Peers' specs at the head of their locally published repositories,
 * `<baseDir>/<peer>.git` (`cluster.yaml` at the root of `branch`).
 */
export function localRepoPeerSpecs(
  baseDir: string,
  branch: string = 'main',
): PeerSpecSource {
  return async peer => {
    const gitdir = path.join(baseDir, `${peer}.git`);
    try {
      const oid = await git.resolveRef({
        fs,
        gitdir,
        ref: `refs/heads/${branch}`,
      });
      const { blob } = await git.readBlob({
        fs,
        gitdir,
        oid,
        filepath: 'cluster.yaml',
      });
      return {
        source: `${peer}.git:cluster.yaml`,
        text: Buffer.from(blob).toString('utf8'),
      };
    } catch {
      return undefined; // not published here, or without cluster.yaml
    }
  };
}

/** The first source that has the peer's spec. */
export function firstPeerSpec(...sources: PeerSpecSource[]): PeerSpecSource {
  return async peer => {
    for (const source of sources) {
      const found = await source(peer);
      if (found) return found;
    }
    return undefined;
  };
}

/**
 * The Cluster Mesh preflight of `cilium-gitops validate-mesh`, for a new
 * cluster and those of its peers whose specs `peerSpecs` finds (peers
 * without a spec are not checked; `missing` lists them). Issues on the new
 * cluster keep their field path; issues reported on a peer's file are
 * prefixed with it.
 */
export async function meshPreflightIssues(
  renderer: ClusterRenderer,
  spec: ClusterSpec,
  peerSpecs: PeerSpecSource,
): Promise<{ issues: SpecIssueLike[]; checked: string[]; missing: string[] }> {
  const issues: SpecIssueLike[] = [];
  const peers: NamedSpec[] = [];
  const missing: string[] = [];
  const peerNames = spec.spec.clusterMesh.peers;
  for (const [i, name] of peerNames.entries()) {
    const found = await peerSpecs(name);
    if (!found) {
      missing.push(name);
      continue;
    }
    const { source, text } = found;
    const check = await renderer.validate(yaml.parse(text));
    if (!check.ok) {
      issues.push({
        path: `spec.clusterMesh.peers[${i}]`,
        message: `the spec of peer ${name} (${source}) is invalid: ${check.issues
          .map(p => `${p.path}: ${p.message}`)
          .join('; ')}`,
      });
    } else peers.push({ source, spec: check.spec });
  }
  const checked = peers.map(p => p.spec.metadata.name);
  if (peers.length === 0) return { issues, checked, missing };
  const mesh = meshSetIssues([{ source: THIS_CLUSTER, spec }, ...peers]);
  for (const issue of mesh) {
    issues.push({
      path:
        issue.source === THIS_CLUSTER
          ? issue.path
          : `${issue.source}: ${issue.path}`,
      message: issue.message,
    });
  }
  return { issues, checked, missing };
}
