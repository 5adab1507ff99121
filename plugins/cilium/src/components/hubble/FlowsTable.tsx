import { memo, useMemo } from 'react';
import { Cell, CellText, ColumnConfig, Text } from '@backstage/ui';
import { UnpagedTable } from '../common/UnpagedTable';
import { WrapCell } from '../common/WrapCell';
import { FlowRecord } from '@internal/plugin-cilium-common';
import { CopyLineButton } from './CopyLineButton';
import { policyNamesText } from './flowText';
import { VERDICT_TEXT_COLORS } from '../../theme/colors';
import { displayVerdict } from './verdicts';

type Row = { id: string; flow: FlowRecord };

const columns: ColumnConfig<Row>[] = [
  {
    id: 'time',
    label: 'Time (UTC)',
    cell: r => <CellText title={r.flow.columns.time} />,
  },
  {
    id: 'source',
    label: 'Source',
    isRowHeader: true,
    cell: r => (
      <WrapCell
        title={r.flow.columns.source}
        description={r.flow.columns.sourceIdentity}
      />
    ),
  },
  {
    id: 'destination',
    label: 'Destination',
    cell: r => (
      <WrapCell
        title={r.flow.columns.destination}
        description={r.flow.columns.destinationIdentity}
      />
    ),
  },
  {
    id: 'type',
    label: 'Type',
    cell: r => <WrapCell title={r.flow.columns.type} />,
  },
  {
    id: 'verdict',
    label: 'Verdict',
    cell: r => (
      <Cell>
        <Text
          variant="body-small"
          weight="bold"
          style={{ color: VERDICT_TEXT_COLORS[r.flow.verdict] }}
          data-testid="flow-verdict"
        >
          {displayVerdict(r.flow)}
        </Text>
      </Cell>
    ),
  },
  {
    id: 'policy',
    label: 'Policy',
    cell: r => (
      <Cell>
        <Text variant="body-small" data-testid="flow-policy">
          {policyNamesText(r.flow) || '—'}
        </Text>
      </Cell>
    ),
  },
  {
    id: 'copy',
    label: 'hubble observe',
    cell: r => (
      <Cell>
        <CopyLineButton
          line={r.flow.line}
          label={`Copy hubble observe line of flow ${r.flow.columns.source} to ${r.flow.columns.destination}`}
        />
      </Cell>
    ),
  },
];

/**
 * Recent flows, newest last as `hubble observe` prints them. Memoised: the
 * tab re-rendering (status reload) does not redo the table.
 */
export const FlowsTable = memo(
  (props: { flows: FlowRecord[]; onOpen?: (flow: FlowRecord) => void }) => {
    const { onOpen } = props;
    const rows = useMemo(
      () => props.flows.map((flow, i) => ({ id: `${i}-${flow.time}`, flow })),
      [props.flows],
    );
    return (
      <UnpagedTable<Row>
        testId="flows-table"
        label="Recent flows"
        columns={columns}
        rows={rows}
        onOpen={onOpen && (r => onOpen(r.flow))}
        emptyText="No flows match these filters."
        emptyTestId="flows-empty"
      />
    );
  },
);
FlowsTable.displayName = 'FlowsTable';
