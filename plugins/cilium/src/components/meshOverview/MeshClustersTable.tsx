import { Entity } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Cell, CellText, Flex, Table, Text } from '@backstage/ui';
import { MeshClusterInfo } from '@internal/plugin-cilium-common';
import { PeerReadiness } from '../clusterMesh/PeerReadiness';

export interface MeshRow {
  id: string;
  name: string;
  entity?: Entity;
  info?: MeshClusterInfo;
}

const Reachability = ({ info }: { info?: MeshClusterInfo }) => {
  let color: 'warning' | 'success' | 'danger' = 'warning';
  let text = 'not configured in the Cilium backend';
  if (info?.reachable) {
    color = 'success';
    text = 'reachable';
  } else if (info) {
    color = 'danger';
    text = `unreachable${info.error ? `: ${info.error.message}` : ''}`;
  }
  return (
    <Text
      variant="body-small"
      color={color}
      data-testid="mesh-cluster-reachable"
    >
      {text}
    </Text>
  );
};

/** One row per cluster: entity link, mesh id, reachability, peers with readiness. */
export const MeshClustersTable = ({ rows }: { rows: MeshRow[] }) => (
  <div data-testid="mesh-clusters" aria-label="Clusters">
    <Table<MeshRow>
      pagination={{ type: 'none' }}
      data={rows}
      columnConfig={[
        {
          id: 'cluster',
          label: 'Cluster',
          isRowHeader: true,
          cell: r => (
            <Cell>
              {r.entity ? (
                <EntityRefLink
                  entityRef={r.entity}
                  title={r.entity.metadata.title ?? r.name}
                />
              ) : (
                <Text variant="body-small">{r.name} (not in the catalog)</Text>
              )}
            </Cell>
          ),
        },
        {
          id: 'id',
          label: 'Mesh ID',
          cell: r => (
            <CellText
              title={
                r.info?.clusterId !== undefined ? String(r.info.clusterId) : '—'
              }
            />
          ),
        },
        {
          id: 'reachable',
          label: 'Backend',
          cell: r => (
            <Cell>
              <Reachability info={r.info} />
            </Cell>
          ),
        },
        {
          id: 'peers',
          label: 'Peers',
          cell: r => (
            <Cell>
              <Flex direction="column" gap="1">
                {(r.info?.peers ?? []).length === 0 && (
                  <Text variant="body-small" color="secondary">
                    —
                  </Text>
                )}
                {(r.info?.peers ?? []).map(p => (
                  <Flex key={p.name} gap="2" data-testid="mesh-cluster-peer">
                    <Text variant="body-small">{p.name}</Text>
                    <PeerReadiness peer={p} />
                  </Flex>
                ))}
              </Flex>
            </Cell>
          ),
        },
      ]}
    />
  </div>
);
