import { memo, useMemo } from 'react';
import { Cell, CellText, ColumnConfig, Text } from '@backstage/ui';
import type { FlowGraphEdge, Verdict } from '@internal/plugin-cilium-common';
import { UnpagedTable } from '../../common/UnpagedTable';
import { WrapCell } from '../../common/WrapCell';
import { textTone } from '../../../theme/colors';

type Row = { id: string; edge: FlowGraphEdge };

/** `FORWARDED 3 · DROPPED 2`, dropped first. */
export function verdictCountsText(e: FlowGraphEdge): string {
  return (Object.entries(e.verdicts) as [Verdict, number][])
    .sort(([a], [b]) => droppedFirst(a, b))
    .map(([v, n]) => `${v} ${n}`)
    .join(' · ');
}

function droppedFirst(a: Verdict, b: Verdict): number {
  if (a === 'DROPPED') return -1;
  if (b === 'DROPPED') return 1;
  return a.localeCompare(b);
}

export const portText = (e: FlowGraphEdge) =>
  `${e.port ? `${e.port}/` : ''}${e.protocol}`;

const columns: ColumnConfig<Row>[] = [
  {
    id: 'source',
    label: 'Source',
    isRowHeader: true,
    cell: r => <WrapCell title={r.edge.source} />,
  },
  {
    id: 'destination',
    label: 'Destination',
    cell: r => (
      <WrapCell title={r.edge.destination} description={portText(r.edge)} />
    ),
  },
  {
    id: 'flows',
    label: 'Flows',
    cell: r => <CellText title={String(r.edge.flows)} />,
  },
  {
    id: 'verdicts',
    label: 'Verdicts',
    cell: r => (
      <Cell>
        <Text
          variant="body-small"
          weight={r.edge.verdicts.DROPPED ? 'bold' : 'regular'}
          style={{
            color: r.edge.verdicts.DROPPED ? textTone.negative : undefined,
          }}
          data-testid="edge-verdicts"
        >
          {verdictCountsText(r.edge)}
        </Text>
      </Cell>
    ),
  },
  {
    id: 'why',
    label: 'Drop reasons / policies',
    cell: r => (
      <WrapCell
        title={
          [
            ...Object.keys(r.edge.dropReasons),
            ...r.edge.policies.map(
              p =>
                `${p.verdict} by ${p.namespace ? `${p.namespace}/` : ''}${
                  p.name
                }`,
            ),
          ].join(', ') || '—'
        }
      />
    ),
  },
  {
    id: 'last',
    label: 'Last seen (UTC)',
    cell: r => <CellText title={r.edge.lastSeen.slice(11, 23)} />,
  },
];

/** One row per connection (source → destination:port) with its counts. */
export const EdgesTable = memo(
  (props: {
    edges: FlowGraphEdge[];
    onOpen: (edge: FlowGraphEdge) => void;
  }) => {
    const rows = useMemo(
      () => props.edges.map(edge => ({ id: edge.id, edge })),
      [props.edges],
    );
    return (
      <UnpagedTable<Row>
        testId="flows-aggregated-table"
        label="Connections"
        columns={columns}
        rows={rows}
        onOpen={r => props.onOpen(r.edge)}
        emptyText="No connections match these filters."
        emptyTestId="flows-empty"
      />
    );
  },
);
EdgesTable.displayName = 'EdgesTable';
