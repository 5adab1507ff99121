import { ReactNode } from 'react';
import { Flex, Text } from '@backstage/ui';

/** Padding of every header and body cell of a readiness table. */
export const cell = { padding: 'var(--bui-space-1) var(--bui-space-2)' };

/** A body row's top rule, from the theme's border token. */
export const rowStyle = { borderTop: '1px solid var(--bui-border-1)' };

/**
 * One titled table of the readiness view: a heading, then either the
 * `emptyText` (when `rowCount` is 0) or a table labelled by the title with
 * one header cell per column and `children` as its body rows.
 */
export function ReadinessTable(props: {
  testId: string;
  title: string;
  columns: string[];
  rowCount: number;
  emptyText: ReactNode;
  children: ReactNode;
}) {
  const { title } = props;
  return (
    <Flex direction="column" gap="1" data-testid={props.testId}>
      <Text as="h3" variant="body-medium" weight="bold">
        {title}
      </Text>
      {props.rowCount === 0 ? (
        <Text variant="body-small" color="secondary">
          {props.emptyText}
        </Text>
      ) : (
        <table
          aria-label={title}
          style={{ borderCollapse: 'collapse', width: '100%' }}
        >
          <thead>
            <tr>
              {props.columns.map(h => (
                <th key={h} scope="col" style={{ ...cell, textAlign: 'left' }}>
                  <Text variant="body-small" weight="bold">
                    {h}
                  </Text>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{props.children}</tbody>
        </table>
      )}
    </Flex>
  );
}
