import { Flex, Link, Text } from '@backstage/ui';
import { ArgoRevisionInfo } from '@internal/plugin-cilium-common';

const COLOR: Record<
  ArgoRevisionInfo['state'],
  'success' | 'warning' | 'danger' | 'secondary'
> = {
  'in-sync': 'success',
  'not-synced': 'warning',
  'sync-failed': 'danger',
  'other-repo': 'secondary',
  unknown: 'secondary',
};

/** Each Application of the repository: `in sync with abc1234`, `head … not yet synced (2 min)`, or the sync error. */
export const ArgoRevisionList = ({ apps }: { apps: ArgoRevisionInfo[] }) => {
  if (apps.length === 0) {
    return (
      <Text
        variant="body-small"
        color="secondary"
        data-testid="git-argocd-empty"
      >
        No Argo CD Application of this cluster follows this repository.
      </Text>
    );
  }
  return (
    <ul
      aria-label="Argo CD revisions"
      style={{ margin: 0, paddingLeft: 0, listStyle: 'none' }}
    >
      {apps.map(a => (
        <li
          key={`${a.namespace}/${a.name}`}
          data-testid="git-argocd-revision"
          data-state={a.state}
        >
          <Flex gap="2" align="center" style={{ flexWrap: 'wrap' }}>
            <Text variant="body-small" weight="bold">
              {a.name}
            </Text>
            <Text variant="body-small" color={COLOR[a.state]}>
              {a.text}
            </Text>
            {a.url && (
              <Link
                href={a.url}
                target="_blank"
                rel="noopener noreferrer"
                variant="body-x-small"
              >
                Argo CD
              </Link>
            )}
          </Flex>
        </li>
      ))}
    </ul>
  );
};
