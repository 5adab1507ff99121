import { Flex, Skeleton } from '@backstage/ui';

/** Placeholder rows while a section's data loads. */
export const SectionSkeleton = (props: {
  rows?: number;
  label: string;
  /** Default `cilium-section-loading` (a whole section). */
  testId?: string;
}) => (
  <Flex
    direction="column"
    gap="2"
    aria-busy="true"
    aria-label={`Loading ${props.label}`}
    data-testid={props.testId ?? 'cilium-section-loading'}
  >
    {Array.from({ length: props.rows ?? 3 }, (_, i) => (
      <Skeleton key={i} width="100%" height={20} />
    ))}
  </Flex>
);
