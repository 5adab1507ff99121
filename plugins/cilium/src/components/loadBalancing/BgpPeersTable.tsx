import { Cell, CellText, ColumnConfig, Row, Table, Text } from '@backstage/ui';
import { BgpPeerState } from '@internal/plugin-cilium-common';
import { WrapCell } from '../common/WrapCell';
import { formatUptime, sessionLook } from './networkText';

type PeerRow = BgpPeerState & { id: string };

const asn = (n?: number) => (n === undefined ? '—' : String(n));

/** `✓ established`, coloured, with a mark so colour is not the only cue. */
export const SessionState = ({ state }: { state: string }) => {
  const look = sessionLook(state);
  return (
    <Text
      variant="body-small"
      color={look.color}
      data-testid="bgp-session-state"
      data-state={state}
    >
      {look.mark} {state}
    </Text>
  );
};

const columns: ColumnConfig<PeerRow>[] = [
  {
    id: 'node',
    label: 'Node',
    isRowHeader: true,
    // Node names are long (`<cluster>-control-plane`): wrap, never truncate.
    cell: p => (
      <WrapCell
        title={p.node}
        description={p.instance ? `instance ${p.instance}` : undefined}
      />
    ),
  },
  {
    id: 'peer',
    label: 'Peer address',
    cell: p => (
      <WrapCell title={p.peerAddress || '—'} description={p.peerName} />
    ),
  },
  {
    id: 'peerASN',
    label: 'Peer ASN',
    cell: p => <CellText title={asn(p.peerASN)} />,
  },
  {
    id: 'localASN',
    label: 'Local ASN',
    cell: p => <CellText title={asn(p.localASN)} />,
  },
  {
    id: 'state',
    label: 'Session',
    cell: p => (
      <Cell>
        <SessionState state={p.sessionState} />
      </Cell>
    ),
  },
  {
    id: 'uptime',
    label: 'Uptime',
    cell: p => (
      <Cell>
        <Text variant="body-small" data-testid="bgp-uptime">
          {formatUptime(p.establishedSeconds) ?? '—'}
        </Text>
      </Cell>
    ),
  },
];

/** The BGP sessions of every node, as the nodes' CiliumBGPNodeConfig status reports them. */
export const BgpPeersTable = ({ peers }: { peers: BgpPeerState[] }) => (
  <div data-testid="bgp-peers" aria-label="BGP peers">
    <Table<PeerRow>
      pagination={{ type: 'none' }}
      data={peers.map((p, i) => ({
        ...p,
        id: `${p.node}/${p.instance ?? ''}/${p.peerAddress}/${i}`,
      }))}
      columnConfig={columns}
      rowConfig={({ item }) => (
        <Row id={item.id} columns={columns} data-testid="bgp-peer-row">
          {column => column.cell(item)}
        </Row>
      )}
    />
  </div>
);
