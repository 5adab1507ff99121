import { ReactNode } from 'react';
import { Flex, Text } from '@backstage/ui';

/**
 * One namespaced resource in a paged list (a Gateway, an HTTPRoute): a
 * separator, its `namespace/name` heading with `summary` beside it, and the
 * details below.
 */
export const ResourceItem = (props: {
  testId: string;
  /** Prefix of the item's accessible name, e.g. `Gateway`. */
  kind: string;
  id: string;
  summary: ReactNode;
  children: ReactNode;
}) => (
  <li
    data-testid={props.testId}
    aria-label={`${props.kind} ${props.id}`}
    style={{
      borderTop: '1px solid var(--bui-border-1)',
      paddingTop: 'var(--bui-space-2)',
    }}
  >
    <Flex direction="column" gap="1">
      <Flex gap="3" align="baseline">
        <Text as="h3" variant="title-x-small" weight="bold">
          {props.id}
        </Text>
        {props.summary}
      </Flex>
      {props.children}
    </Flex>
  </li>
);
