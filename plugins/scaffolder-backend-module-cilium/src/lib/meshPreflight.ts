import fs from 'node:fs';
import path from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import {
  type ClusterSpec,
  type NamedSpec,
  meshSetIssues,
} from '@internal/cilium-gitops';
import yaml from 'yaml';
import type { ClusterRenderer } from './clusterRenderer';
import type { SpecIssueLike } from './specIssues';

const THIS_CLUSTER = 'this cluster';

/**
 * The Cluster Mesh preflight of `cilium-gitops validate-mesh`, for a new
 * cluster and those of its peers whose specs are in `<dir>/<peer>/cluster.yaml`
 * (peers without a spec there are not checked). Issues on the new cluster keep
 * their field path; issues reported on a peer's file are prefixed with it.
 */
export async function meshPreflightIssues(
  renderer: ClusterRenderer,
  spec: ClusterSpec,
  workspacePath: string,
  meshSpecsDir: string,
): Promise<SpecIssueLike[]> {
  const dir = resolveSafeChildPath(workspacePath, meshSpecsDir);
  const issues: SpecIssueLike[] = [];
  const peers: NamedSpec[] = [];
  const peerNames = spec.spec.clusterMesh.peers;
  for (const [i, name] of peerNames.entries()) {
    const source = path.join(meshSpecsDir, name, 'cluster.yaml');
    let text: string;
    try {
      text = await fs.promises.readFile(path.join(dir, name, 'cluster.yaml'), {
        encoding: 'utf8',
      });
    } catch {
      continue; // this peer's spec is not available here
    }
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
  if (peers.length === 0) return issues;
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
  return issues;
}
