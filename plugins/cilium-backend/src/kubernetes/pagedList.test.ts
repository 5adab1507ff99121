import { listAllPages, peekContinue, PageRequest } from './pagedList';

describe('peekContinue', () => {
  it('finds the token before the items (typed lists)', () => {
    const text = JSON.stringify({
      kind: 'ConfigMapList',
      apiVersion: 'v1',
      metadata: { resourceVersion: '1', continue: 'abc' },
      items: [{ metadata: { name: 'x', annotations: { continue: 'no' } } }],
    });
    expect(peekContinue(text)).toBe('abc');
  });

  it('finds the token after the items (unstructured lists, sorted keys)', () => {
    const text = JSON.stringify({
      apiVersion: 'cilium.io/v2',
      items: [{ spec: { continue: 'not-this-one' } }],
      kind: 'CiliumNodeList',
      metadata: {
        continue: 'eyJvIjoyfQ',
        remainingItemCount: 3,
        resourceVersion: '9',
      },
    });
    expect(peekContinue(text)).toBe('eyJvIjoyfQ');
  });

  it('returns undefined on the last page', () => {
    expect(
      peekContinue(
        '{"apiVersion":"v1","items":[],"kind":"L","metadata":{"resourceVersion":"9"}}',
      ),
    ).toBeUndefined();
    expect(
      peekContinue('{"metadata":{"continue":""},"items":[]}'),
    ).toBeUndefined();
  });
});

describe('listAllPages', () => {
  /** A fake client-node call that runs the middleware like client-node does. */
  function fakePages(
    pages: { items: number[]; continue?: string; hideToken?: boolean }[],
  ) {
    const requested: (string | undefined)[] = [];
    const request: PageRequest = async (token, options) => {
      requested.push(token);
      const page = pages[token ? Number(token) : 0];
      const body = {
        items: page.items,
        metadata: page.continue ? { continue: page.continue } : {},
      };
      const text = page.hideToken
        ? JSON.stringify({ items: page.items })
        : JSON.stringify(body);
      const rc: any = { httpStatusCode: 200, body: { text: async () => text } };
      const post = (options.middleware as any[])[0].post;
      const after = await post(rc).toPromise();
      await new Promise(r => setTimeout(r, 5));
      JSON.parse(await after.body.text());
      return body as any;
    };
    return { request, requested };
  }

  it('reads every page once, in order, requesting the next one early', async () => {
    const { request, requested } = fakePages([
      { items: [1, 2], continue: '1' },
      { items: [3, 4], continue: '2' },
      { items: [5] },
    ]);
    const seen: number[] = [];
    await listAllPages(
      request,
      () => {},
      items => seen.push(...items),
    );
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(requested).toEqual([undefined, '1', '2']);
  });

  it('falls back to sequential paging when the token cannot be peeked', async () => {
    const { request, requested } = fakePages([
      { items: [1], continue: '1', hideToken: true },
      { items: [2] },
    ]);
    const seen: number[] = [];
    await listAllPages(
      request,
      () => {},
      items => seen.push(...items),
    );
    expect(seen).toEqual([1, 2]);
    expect(requested).toEqual([undefined, '1']);
  });
});
