import { ReactNode } from 'react';
import { Button, Flex } from '@backstage/ui';
import { PagedList } from './PagedList';
import { RequestErrorPanel } from './RequestErrorPanel';
import { SectionSkeleton } from './SectionSkeleton';
import { ItemsPaged } from '../../hooks/useItemsPage';

/**
 * A {@link PagedList} over pages the backend cuts (`useItemsPage`): rows of
 * skeleton until the first page arrives, a failed page request as the
 * request error (with a retry) above the page still on screen. Test hooks
 * as `PagedList`, plus `<testId>-loading` and `<testId>-retry`.
 */
export function ItemsPageList<T>(props: {
  paged: ItemsPaged<T>;
  cluster: string;
  /** Plural, capitalised as a title: "Gateways", "HTTPRoutes". */
  title: string;
  noun: string;
  listLabel: string;
  testId: string;
  placeholder: string;
  itemKey: (item: T) => string;
  renderItem: (item: T) => ReactNode;
  minItemsForControls?: number;
}) {
  const { paged, cluster, title, testId } = props;
  const failure = paged.error && (
    <Flex direction="column" gap="2" align="start">
      <RequestErrorPanel
        error={paged.error}
        cluster={cluster}
        what={`the ${title} of ${cluster}`}
      />
      <Button
        size="small"
        variant="secondary"
        onPress={paged.retry}
        isPending={paged.loading}
        data-testid={`${testId}-retry`}
      >
        Try again
      </Button>
    </Flex>
  );
  if (!paged.loaded) {
    return (
      failure || <SectionSkeleton label={title} testId={`${testId}-loading`} />
    );
  }
  return (
    <>
      {failure}
      <PagedList
        noun={props.noun}
        listLabel={props.listLabel}
        testId={testId}
        placeholder={props.placeholder}
        count={paged.count}
        paged={paged}
        itemKey={props.itemKey}
        renderItem={props.renderItem}
        minItemsForControls={props.minItemsForControls}
      />
    </>
  );
}
