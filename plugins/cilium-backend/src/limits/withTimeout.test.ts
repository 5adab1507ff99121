import { CacheService } from '@backstage/backend-plugin-api';
import { withTimeout } from './withTimeout';
import { timedCache } from './timedCache';

describe('withTimeout and timedCache', () => {
  it('rejects naming the dependency when it does not answer', async () => {
    const never = new Promise<string>(() => {});
    await expect(withTimeout(never, 20, 'The catalog')).rejects.toThrow(
      'The catalog did not answer within 20 ms',
    );
    await expect(withTimeout(Promise.resolve(1), 20, 'x')).resolves.toBe(1);
  });

  it('bounds every cache call', async () => {
    const stalled: CacheService = {
      get: () => new Promise(() => {}),
      set: () => new Promise(() => {}),
      delete: () => new Promise(() => {}),
      withOptions: () => stalled,
    };
    const cache = timedCache(stalled, 20);
    await expect(cache.get('k')).rejects.toThrow('The cache did not answer');
    await expect(cache.set('k', 'v')).rejects.toThrow('within 20 ms');
    await expect(
      cache.withOptions({ defaultTtl: 1 }).delete('k'),
    ).rejects.toThrow('The cache');
  });
});
