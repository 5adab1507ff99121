import { ReactNode } from 'react';
import { TestApiProvider } from '@backstage/frontend-test-utils';
import { act, renderHook } from '@testing-library/react';
import {
  HttpRouteInfo,
  HttpRoutesPage,
  httpRouteSearchText,
} from '@internal/plugin-cilium-common';
import { CiliumApi, GetItemsOptions, ciliumApiRef } from '../api/CiliumApi';
import { manyRoutes } from '../__fixtures__/clusterStatus';
import { mockCiliumApi, servePages } from '../__fixtures__/mockCiliumApi';
import {
  ItemsSource,
  SEARCH_DEBOUNCE_MS,
  normaliseQuery,
  useItemsPage,
} from './useItemsPage';
import { SWR_OPTIONS } from './useApiQuery';

const T1 = '2026-11-26T10:00:00Z';
const T2 = '2026-11-26T10:01:00Z';

const source: ItemsSource<HttpRouteInfo> = {
  id: 'httproutes',
  getPage: (api, cluster, options) => api.getHttpRoutes(cluster, options),
};

/** A page request that answers when told to, remembering its options. */
function heldRequests() {
  const held: {
    options: GetItemsOptions;
    resolve: (p: HttpRoutesPage) => void;
    reject: (e: Error) => void;
  }[] = [];
  const serve = servePages(manyRoutes(95), httpRouteSearchText);
  const getHttpRoutes = jest.fn(
    (_cluster: string, options: GetItemsOptions = {}) =>
      new Promise<HttpRoutesPage>((resolve, reject) =>
        held.push({ options, resolve, reject }),
      ),
  );
  /** Answers request `i` as the backend would. */
  const answer = async (i: number, generatedAt = T1) => {
    const page = await serve('prod-eu-1', {
      ...held[i].options,
      signal: undefined,
    });
    await act(async () => held[i].resolve({ ...page, generatedAt }));
  };
  return { held, getHttpRoutes, answer };
}

function renderPaged(
  api: CiliumApi,
  props: { generatedAt?: string; enabled?: boolean } = {},
) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <TestApiProvider apis={[[ciliumApiRef, api]]}>{children}</TestApiProvider>
  );
  return renderHook(
    (p: { generatedAt: string; enabled: boolean }) =>
      useItemsPage(source, 'prod-eu-1', p.generatedAt, p.enabled),
    {
      wrapper,
      initialProps: {
        generatedAt: props.generatedAt ?? T1,
        enabled: props.enabled ?? true,
      },
    },
  );
}

const names = (page: readonly HttpRouteInfo[]) => page.map(r => r.name);

describe('useItemsPage', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('sends the query once typing pauses, from page one, and aborts what it supersedes', async () => {
    const { held, getHttpRoutes, answer } = heldRequests();
    const { result } = renderPaged(mockCiliumApi({ getHttpRoutes }));
    expect(result.current.loaded).toBe(false);
    expect(held.map(h => h.options)).toEqual([
      expect.objectContaining({ offset: 0, limit: 10 }),
    ]);
    expect(held[0].options.q).toBeUndefined();
    await answer(0);
    expect(result.current.total).toBe(95);
    expect(result.current.loading).toBe(false);

    act(() => result.current.next());
    expect(held[1].options).toMatchObject({ offset: 10, limit: 10 });
    // Typing: nothing is sent until the pause; the page stays meanwhile.
    for (const q of ['r', 'ro', 'Route-0004']) {
      act(() => result.current.setQuery(q));
      act(() => {
        jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 50);
      });
    }
    expect(held).toHaveLength(2);
    expect(result.current.loading).toBe(true);
    expect(result.current.query).toBe('Route-0004');
    act(() => {
      jest.advanceTimersByTime(50);
    });
    expect(held).toHaveLength(3);
    expect(held[2].options).toMatchObject({
      q: 'route-0004',
      offset: 0,
      limit: 10,
    });
    // The page request the search superseded was aborted, and its late
    // answer changes nothing.
    expect(held[1].options.signal?.aborted).toBe(true);
    expect(held[2].options.signal?.aborted).toBe(false);
    await answer(1);
    expect(result.current.offset).toBe(0);
    expect(result.current.total).toBe(95);

    await answer(2);
    expect(result.current.total).toBe(10);
    expect(result.current.count).toBe(95);
    expect(names(result.current.page)).toContain('route-00040');
    expect(result.current.loading).toBe(false);

    // The same search, spelled differently: no request.
    act(() => result.current.setQuery('  ROUTE-0004 '));
    act(() => {
      jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    });
    expect(held).toHaveLength(3);
  });

  it('starts from page one on a new page size, and keeps the page on screen while the next loads', async () => {
    const { held, getHttpRoutes, answer } = heldRequests();
    const { result } = renderPaged(mockCiliumApi({ getHttpRoutes }));
    await answer(0);
    act(() => result.current.next());
    act(() => result.current.next());
    await answer(2);
    const third = result.current.page;
    expect(result.current.offset).toBe(20);

    act(() => result.current.setPageSize(25));
    expect(held[3].options).toMatchObject({ offset: 0, limit: 25 });
    expect(result.current.page).toBe(third);
    expect(result.current.loading).toBe(true);
    await answer(3);
    expect(result.current.page).toHaveLength(25);
    act(() => result.current.previous());
    expect(result.current.offset).toBe(0);
  });

  it('asks again when the status document changes, not when it is the same', async () => {
    const api = mockCiliumApi();
    const { result, rerender } = renderPaged(api);
    await act(async () => undefined);
    expect(result.current.page).toHaveLength(2);
    expect(api.getHttpRoutes).toHaveBeenCalledTimes(1);

    rerender({ generatedAt: T1, enabled: true });
    expect(api.getHttpRoutes).toHaveBeenCalledTimes(1);

    api.getHttpRoutes.mockImplementation(
      servePages(manyRoutes(1), httpRouteSearchText, T2),
    );
    rerender({ generatedAt: T2, enabled: true });
    await act(async () => undefined);
    expect(api.getHttpRoutes).toHaveBeenCalledTimes(2);
    expect(names(result.current.page)).toEqual(['route-00001']);
  });

  it('reloads the status document when a page comes from a newer snapshot, once', async () => {
    const api = mockCiliumApi({
      getHttpRoutes: jest.fn(
        servePages(manyRoutes(30), httpRouteSearchText, T2),
      ),
    });
    const { result } = renderPaged(api);
    await act(async () => undefined);
    expect(api.getClusterStatus).toHaveBeenCalledTimes(1);
    expect(api.getClusterStatus).toHaveBeenCalledWith('prod-eu-1');

    // Another page of the same newer snapshot: no second reload.
    act(() => result.current.next());
    await act(async () => undefined);
    expect(result.current.offset).toBe(10);
    expect(api.getClusterStatus).toHaveBeenCalledTimes(1);
  });

  it('goes back to page one when a new snapshot has fewer matches than the offset', async () => {
    const api = mockCiliumApi(
      {},
      { httpRoutes: manyRoutes(25) as HttpRouteInfo[] },
    );
    const { result, rerender } = renderPaged(api);
    await act(async () => undefined);
    act(() => result.current.next());
    act(() => result.current.next());
    await act(async () => undefined);
    expect(result.current.page).toHaveLength(5);

    api.getHttpRoutes.mockImplementation(
      servePages(manyRoutes(12), httpRouteSearchText, T2),
    );
    rerender({ generatedAt: T2, enabled: true });
    await act(async () => undefined);
    expect(result.current.offset).toBe(0);
    expect(result.current.page).toHaveLength(10);
  });

  it('keeps a failure beside the page on screen until a retry succeeds', async () => {
    const { held, getHttpRoutes, answer } = heldRequests();
    const { result } = renderPaged(mockCiliumApi({ getHttpRoutes }));
    await answer(0);
    const pageOne = result.current.page;
    act(() => result.current.next());
    await act(async () => held[1].reject(new Error('database is locked')));
    expect(result.current.error?.message).toBe('database is locked');
    expect(result.current.page).toBe(pageOne);
    expect(result.current.offset).toBe(10);

    act(() => result.current.retry());
    expect(held[2].options).toMatchObject({ offset: 10 });
    await answer(2);
    expect(result.current.error).toBeUndefined();
    expect(result.current.page).toHaveLength(10);
    expect(result.current.page[0]).not.toBe(pageOne[0]);
  });

  it('shows no failure for a request it gave up on, and asks again when that page is wanted again', async () => {
    const { held, getHttpRoutes, answer } = heldRequests();
    const { result } = renderPaged(mockCiliumApi({ getHttpRoutes }));
    await answer(0);
    const pageOne = names(result.current.page);
    act(() => result.current.next());
    act(() => result.current.setQuery('route-0004'));
    act(() => {
      jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    });
    expect(held[1].options.signal?.aborted).toBe(true);
    // The client rejects an aborted request as fetch does.
    await act(async () =>
      held[1].reject(new DOMException('The operation was aborted.', 'AbortError')),
    );
    expect(result.current.error).toBeUndefined();
    await answer(2);
    expect(result.current.total).toBe(10);

    // Back to all routes, page two: asked again, no error on the way.
    act(() => result.current.setQuery(''));
    act(() => {
      jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    });
    expect(result.current.total).toBe(95); // page one, kept
    act(() => result.current.next());
    await act(async () => undefined);
    expect(result.current.error).toBeUndefined();
    expect(held[held.length - 1].options).toMatchObject({ offset: 10 });
    expect(held[held.length - 1].options.q).toBeUndefined();
    await answer(held.length - 1);
    expect(result.current.offset).toBe(10);
    expect(result.current.page).toHaveLength(10);
    expect(names(result.current.page)).not.toContain(pageOne[0]);
    expect(result.current.error).toBeUndefined();
  });

  it('asks nothing while disabled (no items, or the source failed)', () => {
    const api = mockCiliumApi();
    const { result } = renderPaged(api, { enabled: false });
    act(() => result.current.setQuery('x'));
    act(() => {
      jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    });
    expect(api.getHttpRoutes).not.toHaveBeenCalled();
    expect(result.current.loaded).toBe(false);
  });

  it('shows the first page it had at once when mounted again for the same document', async () => {
    const api = mockCiliumApi();
    const first = renderPaged(api);
    await act(async () => undefined);
    first.unmount();

    // Within SWR's deduping interval: the page, and no request.
    const soon = renderPaged(api);
    expect(soon.result.current.page).toHaveLength(2);
    await act(async () => {
      jest.advanceTimersByTime(50);
    });
    expect(api.getHttpRoutes).toHaveBeenCalledTimes(1);
    soon.unmount();

    act(() => {
      jest.advanceTimersByTime(SWR_OPTIONS.dedupingInterval!);
    });
    const again = renderPaged(api);
    expect(again.result.current.loaded).toBe(true);
    expect(again.result.current.page).toHaveLength(2);
    await act(async () => {
      jest.advanceTimersByTime(50);
    });
    expect(api.getHttpRoutes).toHaveBeenCalledTimes(2); // revalidated
    again.unmount();

    // Not for another document.
    const other = renderPaged(api, { generatedAt: T2 });
    expect(other.result.current.loaded).toBe(false);
    await act(async () => undefined);
    expect(other.result.current.loaded).toBe(true);
  });

  it('normalises queries as the backend reads them, within its bound', () => {
    expect(normaliseQuery('  Foo   BAR ')).toBe('foo bar');
    expect(normaliseQuery('x'.repeat(300))).toHaveLength(200);
  });
});
