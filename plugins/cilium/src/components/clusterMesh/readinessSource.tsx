import { Text } from '@backstage/ui';
import { MeshPeerInfo } from '@internal/plugin-cilium-common';

/**
 * Where a peer's readiness comes from, in words: Prometheus (the agents'
 * own readiness metric) is the primary source; Hubble Relay's view of the
 * peer's nodes is the fallback and says so.
 */
export function readinessSourceText(peer: MeshPeerInfo): string {
  switch (peer.source) {
    case 'prometheus': {
      const parts = [];
      if (peer.agents) {
        parts.push(`${peer.agents.ready}/${peer.agents.total} agents ready`);
      }
      if (peer.failures !== undefined) {
        parts.push(`${peer.failures} failure${peer.failures === 1 ? '' : 's'}`);
      }
      return `via Prometheus${parts.length ? ` (${parts.join(', ')})` : ''}`;
    }
    case 'hubble':
      return peer.fallbackReason
        ? 'via Hubble Relay (fallback)'
        : 'via Hubble Relay';
    case 'status':
      return 'via cilium status';
    default:
      return 'no source';
  }
}

/** The source label shown beside a peer's readiness. */
export const ReadinessSource = ({ peer }: { peer: MeshPeerInfo }) => (
  <Text
    variant="body-x-small"
    color="secondary"
    data-testid="peer-readiness-source"
    data-source={peer.source}
    title={peer.fallbackReason}
  >
    {readinessSourceText(peer)}
  </Text>
);
