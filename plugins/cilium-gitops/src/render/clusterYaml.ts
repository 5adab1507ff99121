/**
 * `cluster.yaml` at the repository root: exactly the validated spec
 * (defaults applied), so the repository alone can be re-rendered and
 * changed. It has no "generated" header: it is the source, and a re-render
 * or `cilium-gitops change` rewrites it with the spec it rendered.
 */
import { Document } from 'yaml';
import type { ClusterSpec } from '../spec/types';
import { REGENERATE_COMMAND } from './header';

export const CLUSTER_YAML_PATH = 'cluster.yaml';

const COMMENT = [
  ' The validated cluster spec this repository was rendered from.',
  ' Change it with `yarn cilium-gitops change <repo dir> ...` (or the',
  ' Backstage template cilium-cluster-change), or edit it and re-render here:',
  `   ${REGENERATE_COMMAND}`,
].join('\n');

export function clusterYaml(spec: ClusterSpec): string {
  const doc = new Document(spec, { aliasDuplicateObjects: false });
  doc.commentBefore = COMMENT;
  return doc.toString({ lineWidth: 0, indentSeq: true });
}
