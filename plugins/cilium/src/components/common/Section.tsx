import { ReactNode } from 'react';
import { Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';

/**
 * One titled section of the Cilium tab. `id` gives stable hooks for tests:
 * `data-testid="cilium-section-<id>"` and the heading's `id`.
 */
export const Section = (props: {
  id: string;
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) => {
  const headingId = `cilium-${props.id}-heading`;
  return (
    <section
      aria-labelledby={headingId}
      data-testid={`cilium-section-${props.id}`}
    >
      <Card>
        <CardHeader>
          <Flex justify="between" align="center" gap="2">
            <Text as="h2" variant="title-small" id={headingId}>
              {props.title}
            </Text>
            {props.actions}
          </Flex>
        </CardHeader>
        <CardBody>
          <Flex direction="column" gap="3">
            {props.children}
          </Flex>
        </CardBody>
      </Card>
    </section>
  );
};
