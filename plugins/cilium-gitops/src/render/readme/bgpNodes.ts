/** Which nodes speak BGP: the label the CiliumBGPClusterConfig selects. */
import { shellWord } from '../bootstrap/steps';
import { sh } from './markdown';
import type { ReadmeSection } from './types';

export const bgpNodesSection: ReadmeSection = ({ spec }) => {
  const bgp = spec.spec.bgp;
  if (!bgp) return [];
  const labels = Object.entries(bgp.nodeSelector);
  const peers = bgp.peers
    .map(p => `${p.name} ${p.address} (AS ${p.asn})`)
    .join(', ');
  const intro = `Cilium peers with ${peers} as AS ${bgp.localASN} from the nodes that \`manifests/cilium-config/ciliumbgpclusterconfig-bgp.yaml\` selects.`;
  if (labels.length === 0) {
    return [
      '## BGP nodes',
      '',
      `${intro} Its node selector is empty, so every node peers; nothing to label.`,
      '',
    ];
  }
  const selector = labels.map(([k, v]) => `${k}=${v}`).join(',');
  return [
    '## BGP nodes',
    '',
    `${intro} Label each worker that should peer${
      bgp.router
        ? ` (the router expects ${bgp.router.workerNodes.join(', ')})`
        : ''
    }:`,
    '',
    ...sh(
      `kubectl label node '<node name>' ${labels
        .map(([k, v]) => shellWord(`${k}=${v}`))
        .join(' ')}`,
      `kubectl get nodes -l ${shellWord(
        selector,
      )}   # the nodes that will peer`,
    ),
  ];
};
