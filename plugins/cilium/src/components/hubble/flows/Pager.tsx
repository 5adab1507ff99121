import { Button, Flex, Text } from '@backstage/ui';

export const PAGE_SIZE = 25;

/** `1–25 of 130` with previous/next. */
export const Pager = (props: {
  page: number;
  total: number;
  onPage: (page: number) => void;
}) => {
  const { page, total, onPage } = props;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const first = total === 0 ? 0 : page * PAGE_SIZE + 1;
  const last = Math.min(total, (page + 1) * PAGE_SIZE);
  return (
    <Flex gap="2" align="center" justify="end" data-testid="flows-pager">
      <Text variant="body-small">
        {first}–{last} of {total}
      </Text>
      <Button
        size="small"
        variant="secondary"
        aria-label="Previous page"
        isDisabled={page === 0}
        onPress={() => onPage(page - 1)}
      >
        Previous
      </Button>
      <Button
        size="small"
        variant="secondary"
        aria-label="Next page"
        isDisabled={page >= pages - 1}
        onPress={() => onPage(page + 1)}
      >
        Next
      </Button>
    </Flex>
  );
};
