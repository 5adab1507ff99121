import { CacheService } from '@backstage/backend-plugin-api';
import { withTimeout } from './withTimeout';

/**
 * The core cache service (memory, Redis, Memcache) with a deadline on every
 * call: a Redis that stalls turns into a cache miss or a skipped write (the
 * ResponseCache logs and carries on), never into a stalled request.
 */
export function timedCache(
  cache: CacheService,
  timeoutMs: number,
): CacheService {
  return {
    get: key => withTimeout(cache.get(key), timeoutMs, 'The cache'),
    set: (key, value, options) =>
      withTimeout(cache.set(key, value, options), timeoutMs, 'The cache'),
    delete: key => withTimeout(cache.delete(key), timeoutMs, 'The cache'),
    withOptions: options => timedCache(cache.withOptions(options), timeoutMs),
  };
}
