import { memo, useMemo } from 'react';
import {
  Alert,
  Cell,
  CellText,
  ColumnConfig,
  Flex,
  SearchField,
  Table,
  Text,
} from '@backstage/ui';
import {
  CiliumNodeInfo,
  ClusterStatus,
  MeshPeerInfo,
} from '@internal/plugin-cilium-common';
import { KeyValueList } from '../common/KeyValueList';
import { WrapCell } from '../common/WrapCell';
import { SourceErrorAlert } from '../common/SourceErrorAlert';
import { errorsFor } from '../../hooks/useClusterStatus';
import { PAGE_SIZES, usePagedSearch } from '../../hooks/usePagedSearch';
import { PeerReadiness } from './PeerReadiness';
import { readinessSourceText } from './readinessSource';

type PeerRow = MeshPeerInfo & { id: string };
type NodeRow = CiliumNodeInfo & { id: string };

export const EXTERNAL_WORKLOADS_NOTE =
  'CiliumExternalWorkload was removed in Cilium 1.18: VMs and hosts outside Kubernetes can no longer join this cluster through Cluster Mesh. Run them as Kubernetes nodes, or keep them outside the mesh.';

const PeersTable = ({ peers }: { peers: MeshPeerInfo[] }) => (
  <div data-testid="mesh-peers" aria-label="Mesh peers">
    <Table<PeerRow>
      pagination={{ type: 'none' }}
      data={peers.map(p => ({ ...p, id: p.name }))}
      columnConfig={[
        {
          id: 'name',
          label: 'Peer',
          isRowHeader: true,
          cell: p => <CellText title={p.name} />,
        },
        {
          id: 'ready',
          label: 'Readiness',
          cell: p => (
            <Cell>
              <PeerReadiness peer={p} />
            </Cell>
          ),
        },
        {
          id: 'nodes',
          label: 'Connected nodes',
          cell: p => (
            <CellText
              title={
                p.connectedNodes === undefined ? '—' : String(p.connectedNodes)
              }
            />
          ),
        },
        {
          id: 'detail',
          label: 'Detail',
          cell: p => (
            <WrapCell
              title={p.message ?? ''}
              description={[readinessSourceText(p), p.fallbackReason]
                .filter(Boolean)
                .join(': ')}
            />
          ),
        },
      ]}
      emptyState={<Text variant="body-small">No peers configured.</Text>}
    />
  </div>
);

/** Lower-cased text the CiliumNode search matches against. */
export function nodeSearchText(n: CiliumNodeInfo): string {
  return [n.name, ...n.addresses.map(a => a.ip), ...n.podCIDRs]
    .join(' ')
    .toLocaleLowerCase('en-US');
}

const nodeColumns: ColumnConfig<NodeRow>[] = [
  {
    id: 'name',
    label: 'CiliumNode',
    isRowHeader: true,
    cell: n => <CellText title={n.name} />,
  },
  {
    id: 'addresses',
    label: 'Addresses',
    cell: n => (
      <WrapCell title={n.addresses.map(a => `${a.type} ${a.ip}`).join(', ')} />
    ),
  },
  {
    id: 'cidrs',
    label: 'Pod CIDRs',
    cell: n => <CellText title={n.podCIDRs.join(', ')} />,
  },
  {
    id: 'used',
    label: 'IPs used',
    cell: n => (
      <CellText title={n.ipsUsed === undefined ? '—' : String(n.ipsUsed)} />
    ),
  },
];

/**
 * CiliumNodes, one page at a time (a cluster can have thousands); search
 * and paging once there is more than one page of them.
 */
const NodesTable = ({ nodes }: { nodes: CiliumNodeInfo[] }) => {
  const p = usePagedSearch(nodes, nodeSearchText);
  const controls = nodes.length > PAGE_SIZES[0];
  const rows = useMemo(() => p.page.map(n => ({ ...n, id: n.name })), [p.page]);
  return (
    <div data-testid="mesh-nodes" aria-label="CiliumNodes">
      {controls && (
        <Flex justify="between" align="end" gap="3">
          <SearchField
            label="Search CiliumNodes"
            placeholder="name, IP address, pod CIDR"
            value={p.query}
            onChange={p.setQuery}
            data-testid="nodes-search"
          />
          <Text
            variant="body-small"
            color="secondary"
            data-testid="nodes-count"
            aria-live="polite"
          >
            {p.total === nodes.length
              ? `${nodes.length} CiliumNodes`
              : `${p.total} of ${nodes.length} CiliumNodes match`}
          </Text>
        </Flex>
      )}
      <Table<NodeRow>
        pagination={
          controls
            ? {
                type: 'page',
                pageSize: p.pageSize,
                pageSizeOptions: PAGE_SIZES,
                offset: p.offset,
                totalCount: p.total,
                hasNextPage: p.offset + p.pageSize < p.total,
                hasPreviousPage: p.offset > 0,
                onNextPage: p.next,
                onPreviousPage: p.previous,
                onPageSizeChange: p.setPageSize,
              }
            : { type: 'none' }
        }
        data={rows}
        columnConfig={nodeColumns}
        emptyState={
          <Text variant="body-small">
            {nodes.length === 0
              ? 'No CiliumNodes reported.'
              : `No CiliumNode matches “${p.query}”.`}
          </Text>
        }
      />
    </div>
  );
};

/** Local name/id, apiserver, peers with readiness, CiliumNodes, the external-workloads note. */
export const ClusterMeshBody = memo(({ status }: { status: ClusterStatus }) => {
  const mesh = status.clusterMesh;
  return (
    <>
      {errorsFor(status, 'clusterMesh').map(e => (
        <SourceErrorAlert key={e.source} error={e} what="Cluster Mesh" />
      ))}
      {mesh && (
        <>
          <KeyValueList
            label="Cluster Mesh"
            items={[
              {
                label: 'Local cluster',
                value: mesh.localName,
                testId: 'mesh-local-name',
              },
              {
                label: 'Cluster ID',
                value: String(mesh.localId),
                testId: 'mesh-local-id',
              },
              {
                label: 'Cluster Mesh',
                value: mesh.enabled
                  ? 'enabled'
                  : 'not configured (cluster name "default" or cluster ID 0)',
                testId: 'mesh-enabled',
              },
              ...(mesh.apiserver
                ? [
                    {
                      label: 'clustermesh-apiserver',
                      value: `${mesh.apiserver.serviceType}${
                        mesh.apiserver.address
                          ? ` ${mesh.apiserver.address}`
                          : ''
                      }, ${mesh.apiserver.readyReplicas}/${
                        mesh.apiserver.replicas
                      } ready${
                        mesh.apiserver.kvstoremesh ? ', KVStoreMesh' : ''
                      }`,
                      testId: 'mesh-apiserver',
                    },
                  ]
                : []),
            ]}
          />
          <Text as="h3" variant="title-x-small">
            Peers
          </Text>
          <PeersTable peers={mesh.peers} />
          {!mesh.externalWorkloadsSupported && (
            <div data-testid="external-workloads-note">
              <Alert
                status="info"
                icon
                title="No external workloads"
                description={EXTERNAL_WORKLOADS_NOTE}
              />
            </div>
          )}
        </>
      )}
      <Text as="h3" variant="title-x-small">
        CiliumNodes
      </Text>
      {errorsFor(status, 'ciliumNodes').map(e => (
        <SourceErrorAlert key={e.source} error={e} what="CiliumNodes" />
      ))}
      {status.ciliumNodes && <NodesTable nodes={status.ciliumNodes} />}
    </>
  );
});
ClusterMeshBody.displayName = 'ClusterMeshBody';
