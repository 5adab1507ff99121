import { CacheService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { ResponseCache } from './ResponseCache';
import { valueCodec } from './valueCodec';

/** A core cache shared by two "replicas", like Redis. */
function sharedStore() {
  const map = new Map<string, unknown>();
  const cache = {
    get: async (key: string) => map.get(key),
    set: async (key: string, value: unknown) => {
      map.set(key, value);
    },
    delete: async (key: string) => {
      map.delete(key);
    },
    withOptions: () => cache,
  } as unknown as CacheService;
  return { map, cache };
}

const logger = mockServices.logger.mock();
const tick = () => new Promise(r => setTimeout(r, 20));

describe('ResponseCache', () => {
  it('coalesces concurrent computations of one key', async () => {
    const { cache } = sharedStore();
    const rc = new ResponseCache(cache, 0, logger);
    let calls = 0;
    const compute = async () => {
      calls++;
      await tick();
      return { n: calls };
    };
    const bodies = await Promise.all(
      Array.from({ length: 5 }, () => rc.get('k', compute, valueCodec)),
    );
    expect(calls).toBe(1);
    expect(new Set(bodies).size).toBe(1);
    await rc.get('k', compute, valueCodec); // TTL 0: computed again
    expect(calls).toBe(2);
  });

  it('shares entries through the core cache as gzipped text', async () => {
    const { map, cache } = sharedStore();
    const a = new ResponseCache(cache, 10_000, logger);
    const b = new ResponseCache(cache, 10_000, logger);
    const doc = {
      items: Array.from({ length: 200 }, (_, i) => ({ name: `route-${i}` })),
    };
    await a.get('doc', async () => doc, valueCodec);
    // Written after the response, off the request's path.
    for (let i = 0; i < 100 && !map.has('doc'); i++) await tick();
    const stored = map.get('doc') as string;
    expect(stored.length).toBeLessThan(JSON.stringify(doc).length / 3);

    const fromShared = await b.get(
      'doc',
      () => Promise.reject(new Error('must not compute')),
      valueCodec,
    );
    expect(fromShared).toEqual(doc);
  });

  it('keeps local entries within a byte budget, oldest out first', async () => {
    const { cache } = sharedStore();
    const rc = new ResponseCache(cache, 60_000, logger, 10_000);
    let computed = 0;
    const body = () => {
      computed++;
      return Promise.resolve({ pad: 'x'.repeat(3000) });
    };
    for (const k of ['a', 'b', 'c', 'd']) await rc.get(k, body);
    expect(computed).toBe(4);
    expect(rc.localBytes).toBeLessThanOrEqual(10_000);
    expect(rc.localBytes).toBeGreaterThan(6000);
    await rc.get('d', body); // newest: still held
    expect(computed).toBe(4);
    await rc.get('a', body); // oldest: evicted, computed again
    expect(computed).toBe(5);
  });
});
