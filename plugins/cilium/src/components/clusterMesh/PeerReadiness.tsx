import { Text } from '@backstage/ui';
import { MeshPeerInfo } from '@internal/plugin-cilium-common';

/** `ready` / `not ready` / `unknown`, with a mark so colour is not the only cue. */
export function readinessText(ready: boolean | null): string {
  if (ready === null) return 'unknown';
  if (ready) return 'ready';
  return 'not ready';
}

const LOOK = {
  true: { color: 'success', mark: '✓' },
  false: { color: 'danger', mark: '✗' },
  null: { color: 'warning', mark: '?' },
} as const;

export const PeerReadiness = ({ peer }: { peer: MeshPeerInfo }) => {
  const look = LOOK[String(peer.ready) as keyof typeof LOOK];
  return (
    <Text
      variant="body-small"
      color={look.color}
      data-testid="peer-readiness"
      data-ready={String(peer.ready)}
    >
      {look.mark} {readinessText(peer.ready)}
    </Text>
  );
};
