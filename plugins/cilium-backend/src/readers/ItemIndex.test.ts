import { ItemIndex } from './ItemIndex';

interface Item {
  namespace: string;
  name: string;
  host: string;
}

const items: Item[] = [
  { namespace: 'shop', name: 'cart', host: 'cart.example.com' },
  { namespace: 'a-b', name: 'z', host: 'z.example.com' },
  { namespace: 'a', name: 'y', host: 'y.example.com' },
  { namespace: 'shop', name: 'checkout', host: 'pay.example.com' },
];
const text = (i: Item) => `${i.namespace} ${i.name} ${i.host}`.toLowerCase();
const page = (index: ItemIndex<Item>, q: string, offset = 0, limit = 10) => {
  const p = index.page(q, offset, limit);
  return {
    total: p.total,
    count: p.count,
    names: (JSON.parse(p.itemsJson) as Item[]).map(
      i => `${i.namespace}/${i.name}`,
    ),
  };
};

describe('ItemIndex', () => {
  const index = ItemIndex.of(items, text);

  it('sorts by namespace, then name', () => {
    expect(page(index, '').names).toEqual([
      'a/y',
      'a-b/z',
      'shop/cart',
      'shop/checkout',
    ]);
  });

  it('matches every term, case-insensitively', () => {
    expect(page(index, 'SHOP')).toEqual({
      total: 2,
      count: 4,
      names: ['shop/cart', 'shop/checkout'],
    });
    expect(page(index, '  shop   pay ').names).toEqual(['shop/checkout']);
    expect(page(index, 'shop nowhere')).toEqual({
      total: 0,
      count: 4,
      names: [],
    });
  });

  it('pages the matches with offset and limit', () => {
    expect(page(index, '', 1, 2)).toEqual({
      total: 4,
      count: 4,
      names: ['a-b/z', 'shop/cart'],
    });
    expect(page(index, 'shop', 1, 5).names).toEqual(['shop/checkout']);
    expect(page(index, '', 10, 5)).toEqual({ total: 4, count: 4, names: [] });
  });

  it('survives a round trip through its stored form', () => {
    const copy = ItemIndex.fromStored<Item>(
      JSON.parse(JSON.stringify(index.toStored())),
    );
    expect(page(copy, 'example', 0, 3)).toEqual(page(index, 'example', 0, 3));
  });

  it('refuses an inconsistent stored form', () => {
    expect(() => ItemIndex.fromStored({ json: ['{}'], search: [] })).toThrow(
      'Stored index is inconsistent',
    );
  });
});
