import yaml from 'yaml';
import { REGENERATE_COMMAND } from '@internal/cilium-gitops';
import type { ClusterSpec } from '@internal/cilium-gitops';

export const CLUSTER_YAML_PATH = 'cluster.yaml';

/**
 * `cluster.yaml` at the repository root: the validated spec (defaults
 * applied), so the repository can be re-rendered without Backstage. It is
 * the source, not a generated file: it carries no "generated" marker, so a
 * re-render never removes it.
 */
export function clusterYaml(spec: ClusterSpec): string {
  const doc = new yaml.Document(spec);
  doc.commentBefore = [
    ' The cluster spec this repository was rendered from (by the Backstage',
    ' template cilium-cluster). Edit it, then re-render in this folder:',
    `   ${REGENERATE_COMMAND}`,
  ].join('\n');
  return doc.toString({ lineWidth: 0 });
}
