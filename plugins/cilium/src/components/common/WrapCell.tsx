import { Cell, Text } from '@backstage/ui';

/** A table cell whose text wraps instead of being truncated (BUI's CellText truncates). */
export const WrapCell = (props: {
  title: string;
  description?: string;
  testId?: string;
}) => (
  <Cell>
    <Text
      as="div"
      variant="body-small"
      style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}
      data-testid={props.testId}
    >
      {props.title}
    </Text>
    {props.description && (
      <Text as="div" variant="body-x-small" color="secondary">
        {props.description}
      </Text>
    )}
  </Cell>
);
