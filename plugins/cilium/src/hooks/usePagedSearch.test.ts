import { act, renderHook, waitFor } from '@testing-library/react';
import { filterItems, hasSearchIndex, usePagedSearch } from './usePagedSearch';

const items = Array.from({ length: 95 }, (_, i) => ({
  name: `item-${i}`,
  group: `group-${i % 3}`,
}));

describe('usePagedSearch', () => {
  it('builds the search index once per list, in idle time after mounting', async () => {
    const list = [...items];
    const text = jest.fn((x: (typeof items)[0]) => `${x.name} ${x.group}`);
    const first = renderHook(() => usePagedSearch(list, text));
    expect(text).not.toHaveBeenCalled();
    await waitFor(() => expect(hasSearchIndex(list, text)).toBe(true));
    expect(text).toHaveBeenCalledTimes(95);

    // Another component over the same list, and searches: no rebuild.
    const second = renderHook(() => usePagedSearch(list, text));
    act(() => second.result.current.setQuery('group-1'));
    await waitFor(() => expect(second.result.current.total).toBe(32));
    expect(filterItems(list, text, 'item-9 group-0')).toHaveLength(3);
    expect(text).toHaveBeenCalledTimes(95);
    first.unmount();
    second.unmount();
  });

  it('pages, and a new query or page size starts again from page one', async () => {
    const text = (x: (typeof items)[0]) => `${x.name} ${x.group}`;
    const { result } = renderHook(() => usePagedSearch(items, text));
    expect(result.current.page.map(x => x.name)).toEqual(
      items.slice(0, 10).map(x => x.name),
    );
    act(() => result.current.next());
    act(() => result.current.next());
    expect(result.current.offset).toBe(20);
    expect(result.current.page[0].name).toBe('item-20');

    act(() => result.current.setPageSize(25));
    expect(result.current.offset).toBe(0);
    expect(result.current.page).toHaveLength(25);

    act(() => result.current.next());
    act(() => result.current.setQuery('ITEM-1'));
    await waitFor(() => expect(result.current.total).toBe(11));
    expect(result.current.offset).toBe(0);
    expect(result.current.page.map(x => x.name)).toEqual([
      'item-1',
      ...Array.from({ length: 10 }, (_, i) => `item-${10 + i}`),
    ]);
    act(() => result.current.previous());
    expect(result.current.offset).toBe(0);
  });
});
