import type { ColumnConfig, TableItem } from '@backstage/ui';
import { Table, Text } from '@backstage/ui';

/**
 * A whole list as one table (no paging) in a labelled wrapper: rows open on
 * click when `onOpen` is given; no rows, the `emptyText`.
 */
export function UnpagedTable<T extends TableItem>(props: {
  testId: string;
  label: string;
  columns: ColumnConfig<T>[];
  rows: T[];
  onOpen?: (row: T) => void;
  emptyText: string;
  emptyTestId: string;
}) {
  const { onOpen } = props;
  return (
    <div data-testid={props.testId} aria-label={props.label}>
      <Table<T>
        columnConfig={props.columns}
        data={props.rows}
        pagination={{ type: 'none' }}
        rowConfig={onOpen ? { onClick: r => onOpen(r) } : undefined}
        emptyState={
          <Text variant="body-small" data-testid={props.emptyTestId}>
            {props.emptyText}
          </Text>
        }
      />
    </div>
  );
}
