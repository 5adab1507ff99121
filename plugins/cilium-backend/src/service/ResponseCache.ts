import { CacheService, LoggerService } from '@backstage/backend-plugin-api';
import { approximateBytes } from '../limits/approximateBytes';
import { safeMessage } from '../limits/safeMessage';

/** How an entry travels through the core cache (as text). */
export interface SharedCodec<E> {
  encode(entry: E): string | Promise<string>;
  decode(text: string): E;
}

interface Entry {
  value: unknown;
  expires: number;
  bytes: number;
}

const MAX_LOCAL_ENTRIES = 500;

/**
 * Caching and coalescing for computed responses.
 *
 * - Concurrent requests for the same key share one computation (an
 *   in-flight promise map), so N identical requests cause one set of
 *   Kubernetes and Relay calls.
 * - Results are kept for a short TTL in the core cache service (memory by
 *   default, Redis in production; shared between replicas) and, for the
 *   same TTL, in this process as the answer itself: a warm hit is the
 *   same object, which the router serialized once (`router/jsonBody.ts`),
 *   so it costs neither a parse nor a stringify.
 * - The local entries are bounded by count and by bytes (`maxBytes`,
 *   approximate: JSON length plus about 1 KiB per indexed item);
 *   the oldest go first.
 * - A TTL of 0 disables caching; coalescing still applies.
 */
export class ResponseCache {
  private readonly local = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(
    private readonly cache: CacheService,
    private readonly ttlMs: number,
    private readonly logger: LoggerService,
    private readonly maxBytes: number = 64 * 1024 * 1024,
  ) {}

  private bytes = 0;

  /** Approximate bytes held by this process's entries. */
  get localBytes() {
    return this.bytes;
  }

  /**
   * The entry for `key`, computed at most once per TTL and process. With
   * `shared`, entries also go to the core cache as text (`encode`) and are
   * taken from it (`decode`), e.g. by another replica.
   */
  async get<E>(
    key: string,
    compute: () => Promise<E>,
    shared?: SharedCodec<E>,
  ): Promise<E> {
    const hit = this.local.get(key);
    if (hit && hit.expires > Date.now()) return hit.value as E;
    const pending = this.inFlight.get(key);
    if (pending) return pending as Promise<E>;

    const useShared = shared && this.ttlMs > 0;
    const promise = (async () => {
      if (useShared) {
        const stored = await this.cache.get(key).catch(e => {
          this.logger.warn(
            `Cache read failed for ${key}: ${safeMessage(String(e))}`,
          );
          return undefined;
        });
        if (typeof stored === 'string') return shared.decode(stored);
      }
      const entry = await compute();
      if (useShared) {
        // Written after the response has gone out: off the critical path.
        setImmediate(() => {
          Promise.resolve(shared.encode(entry))
            .then(text => this.cache.set(key, text, { ttl: this.ttlMs }))
            .catch(e =>
              this.logger.warn(
                `Cache write failed for ${key}: ${safeMessage(String(e))}`,
              ),
            );
        });
      }
      return entry;
    })();

    this.inFlight.set(key, promise);
    try {
      const entry = await promise;
      if (this.ttlMs > 0) this.remember(key, entry);
      return entry;
    } finally {
      this.inFlight.delete(key);
    }
  }

  private remember(key: string, value: unknown) {
    const bytes = approximateBytes(value);
    if (bytes > this.maxBytes) return; // would evict everything else
    this.forget(key);
    const now = Date.now();
    if (
      this.local.size >= MAX_LOCAL_ENTRIES ||
      this.bytes + bytes > this.maxBytes
    ) {
      for (const [k, e] of this.local) {
        if (e.expires <= now) this.forget(k);
      }
    }
    // oldest first (insertion order) until the new entry fits
    while (
      this.local.size > 0 &&
      (this.local.size >= MAX_LOCAL_ENTRIES ||
        this.bytes + bytes > this.maxBytes)
    ) {
      this.forget(this.local.keys().next().value!);
    }
    this.local.set(key, { value, expires: now + this.ttlMs, bytes });
    this.bytes += bytes;
  }

  private forget(key: string) {
    const e = this.local.get(key);
    if (!e) return;
    this.local.delete(key);
    this.bytes -= e.bytes;
  }
}
