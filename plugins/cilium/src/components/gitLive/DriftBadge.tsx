import { Text } from '@backstage/ui';
import { GitRouteInfo } from '@internal/plugin-cilium-common';

const REASON_TEXT: Record<
  NonNullable<GitRouteInfo['drift']>['reason'],
  string
> = {
  'not-synced': 'not yet synced',
  'sync-failed': 'sync failed',
  'changed-outside-git': 'changed outside Git',
  'missing-live': 'not in the cluster',
  unknown: 'reason unknown',
};

/**
 * `in sync`, or the drift between Git and live with its reason:
 * `Git 50/50, live 100/0 — not yet synced`.
 */
export const DriftBadge = ({ route }: { route: GitRouteInfo }) => {
  if (route.inSync) {
    return (
      <Text
        variant="body-small"
        color="success"
        data-testid="drift-badge"
        data-state="in-sync"
      >
        ✓ in sync with Git
      </Text>
    );
  }
  if (!route.drift) {
    return (
      <Text
        variant="body-small"
        color="secondary"
        data-testid="drift-badge"
        data-state="unknown"
      >
        live state unknown
      </Text>
    );
  }
  const color = route.drift.reason === 'not-synced' ? 'warning' : 'danger';
  return (
    <Text
      variant="body-small"
      color={color}
      data-testid="drift-badge"
      data-state={route.drift.reason}
      title={route.drift.detail}
    >
      ≠ {route.drift.summary} — {REASON_TEXT[route.drift.reason]}
    </Text>
  );
};
