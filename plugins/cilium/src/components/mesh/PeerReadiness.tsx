import { Text } from '@backstage/ui';
import { MeshPeerInfo } from '@internal/plugin-cilium-common';

/** `ready` / `not ready` / `unknown`, with a mark so colour is not the only cue. */
export function readinessText(ready: boolean | null): string {
  if (ready === null) return 'unknown';
  return ready ? 'ready' : 'not ready';
}

export const PeerReadiness = ({ peer }: { peer: MeshPeerInfo }) => (
  <Text
    variant="body-small"
    color={peer.ready === null ? 'warning' : peer.ready ? 'success' : 'danger'}
    data-testid="peer-readiness"
    data-ready={String(peer.ready)}
  >
    {peer.ready === null ? '? ' : peer.ready ? '✓ ' : '✗ '}
    {readinessText(peer.ready)}
  </Text>
);
