import yaml from 'yaml';
import type { ClusterSpec } from '@internal/cilium-gitops';

export const CLUSTER_YAML_PATH = 'cluster.yaml';

/**
 * `cluster.yaml` at the repository root: the validated spec (defaults
 * applied), so the repository can be re-rendered without Backstage.
 */
export function clusterYaml(spec: ClusterSpec): string {
  const doc = new yaml.Document(spec);
  doc.commentBefore = [
    ' The cluster spec this repository was rendered from (written by the',
    ' Backstage template cilium-cluster). Edit it, then re-render from a',
    ' checkout of the portal repository:',
    '   yarn cilium-gitops render <this repo>/cluster.yaml --out <this repo>',
  ].join('\n');
  return doc.toString({ lineWidth: 0 });
}
