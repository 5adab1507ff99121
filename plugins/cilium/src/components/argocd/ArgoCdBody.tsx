import { memo } from 'react';
import { Cell, CellText, Link, Table, Text } from '@backstage/ui';
import {
  ArgoApplicationInfo,
  ClusterStatus,
} from '@internal/plugin-cilium-common';
import { SourceErrorAlert } from '../common/SourceErrorAlert';
import { errorsFor } from '../../hooks/useClusterStatus';

type Row = ArgoApplicationInfo & { id: string };

const statusColor = (ok: boolean) => (ok ? 'success' : 'danger');

/** Argo CD Applications of the cluster: sync, health, revision, link. */
export const ArgoCdBody = memo(({ status }: { status: ClusterStatus }) => {
  const apps = status.argocd?.applications;
  return (
    <>
      {errorsFor(status, 'argocd').map(e => (
        <SourceErrorAlert key={e.source} error={e} what="Argo CD" />
      ))}
      {apps && (
        <div data-testid="argocd-apps" aria-label="Argo CD Applications">
          <Table<Row>
            pagination={{ type: 'none' }}
            data={apps.map(a => ({ ...a, id: `${a.namespace}/${a.name}` }))}
            columnConfig={[
              {
                id: 'name',
                label: 'Application',
                isRowHeader: true,
                cell: a => (
                  <CellText
                    title={a.name}
                    description={`project ${a.project}`}
                  />
                ),
              },
              {
                id: 'sync',
                label: 'Sync',
                cell: a => (
                  <Cell>
                    <Text
                      variant="body-small"
                      color={statusColor(a.syncStatus === 'Synced')}
                      data-testid="argocd-sync"
                    >
                      {a.syncStatus}
                    </Text>
                  </Cell>
                ),
              },
              {
                id: 'health',
                label: 'Health',
                cell: a => (
                  <Cell>
                    <Text
                      variant="body-small"
                      color={statusColor(a.healthStatus === 'Healthy')}
                      title={a.healthMessage}
                      data-testid="argocd-health"
                    >
                      {a.healthStatus}
                      {a.healthMessage ? ` — ${a.healthMessage}` : ''}
                    </Text>
                  </Cell>
                ),
              },
              {
                id: 'revision',
                label: 'Revision',
                cell: a => (
                  <CellText
                    title={a.revision ? a.revision.slice(0, 12) : '—'}
                    description={
                      a.targetRevision
                        ? `target ${a.targetRevision}`
                        : undefined
                    }
                  />
                ),
              },
              {
                id: 'link',
                label: 'Link',
                cell: a => (
                  <Cell>
                    {a.url ? (
                      <Link
                        href={a.url}
                        target="_blank"
                        rel="noopener noreferrer"
                        aria-label={`Open ${a.name} in Argo CD`}
                      >
                        Open in Argo CD
                      </Link>
                    ) : (
                      <Text variant="body-small" color="secondary">
                        —
                      </Text>
                    )}
                  </Cell>
                ),
              },
            ]}
            emptyState={
              <Text variant="body-small" data-testid="argocd-empty">
                No Argo CD Applications target this cluster.
              </Text>
            }
          />
        </div>
      )}
    </>
  );
});
ArgoCdBody.displayName = 'ArgoCdBody';
