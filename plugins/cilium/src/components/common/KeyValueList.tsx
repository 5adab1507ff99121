import { ReactNode } from 'react';
import { Text } from '@backstage/ui';

/** A definition list of label/value pairs (`<dl>`), readable by screen readers. */
export const KeyValueList = (props: {
  items: { label: string; value: ReactNode; testId?: string }[];
  label: string;
}) => (
  <dl
    aria-label={props.label}
    style={{
      display: 'grid',
      gridTemplateColumns: 'max-content 1fr',
      columnGap: 'var(--bui-space-4)',
      rowGap: 'var(--bui-space-1)',
      margin: 0,
    }}
  >
    {props.items.map(item => (
      <div key={item.label} style={{ display: 'contents' }}>
        <dt>
          <Text variant="body-small" color="secondary">
            {item.label}
          </Text>
        </dt>
        <dd style={{ margin: 0 }} data-testid={item.testId}>
          <Text variant="body-small">{item.value}</Text>
        </dd>
      </div>
    ))}
  </dl>
);
