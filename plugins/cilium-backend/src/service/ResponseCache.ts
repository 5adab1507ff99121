import { CacheService, LoggerService } from '@backstage/backend-plugin-api';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

export interface JsonBody {
  buffer: Buffer;
  /** Weak ETag, unique per computed value. */
  etag: string;
  /** The body gzipped (fast level), made once on first use. */
  gzipped(): Promise<Buffer>;
}

const gzip = promisify(zlib.gzip);
/** Distinguishes ETags of values computed by different processes. */
const ETAG_PREFIX = `${process.pid.toString(36)}${Date.now().toString(36)}`;
let etagCounter = 0;

interface Entry {
  value: unknown;
  expires: number;
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
 *   same TTL, in this process, where the JSON body is kept serialized so a
 *   warm hit costs neither a parse nor a stringify.
 * - A TTL of 0 disables caching; coalescing still applies.
 */
export class ResponseCache {
  private readonly local = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private readonly bodies = new WeakMap<object, JsonBody>();

  constructor(
    private readonly cache: CacheService,
    private readonly ttlMs: number,
    private readonly logger: LoggerService,
  ) {}

  /**
   * The value for `key`, computed at most once per TTL and process.
   * `shared: false` keeps it out of the core cache (derived values).
   */
  async get<T>(
    key: string,
    compute: () => Promise<T>,
    opts: { shared?: boolean } = {},
  ): Promise<T> {
    const now = Date.now();
    const hit = this.local.get(key);
    if (hit && hit.expires > now) return hit.value as T;
    const pending = this.inFlight.get(key);
    if (pending) return pending as Promise<T>;

    const shared = opts.shared ?? true;
    const promise = (async () => {
      if (shared && this.ttlMs > 0) {
        const stored = await this.cache.get(key).catch(e => {
          this.logger.warn(`Cache read failed for ${key}: ${e}`);
          return undefined;
        });
        if (stored !== undefined) return stored as T;
      }
      const value = await compute();
      if (shared && this.ttlMs > 0) {
        // Stored after the response has gone out: the write (and Keyv's
        // serialization) is off the request's critical path.
        setImmediate(() => {
          this.cache
            .set(key, value as any, { ttl: this.ttlMs })
            .catch(e =>
              this.logger.warn(`Cache write failed for ${key}: ${e}`),
            );
        });
      }
      return value;
    })();

    this.inFlight.set(key, promise);
    try {
      const value = await promise;
      if (this.ttlMs > 0) this.remember(key, value);
      return value;
    } finally {
      this.inFlight.delete(key);
    }
  }

  /**
   * The JSON body of a value, made once per cached object, with a weak ETag
   * that identifies this computed value (no hashing of megabytes) and a
   * gzipped form made once, off the event loop, for clients that accept it.
   */
  body(value: object): JsonBody {
    let body = this.bodies.get(value);
    if (!body) {
      const buffer = Buffer.from(JSON.stringify(value));
      let zipped: Promise<Buffer> | undefined;
      body = {
        buffer,
        etag: `W/"${ETAG_PREFIX}-${(etagCounter++).toString(36)}"`,
        gzipped: () =>
          (zipped ??= gzip(buffer, { level: zlib.constants.Z_BEST_SPEED })),
      };
      if (this.ttlMs > 0) this.bodies.set(value, body);
    }
    return body;
  }

  private remember(key: string, value: unknown) {
    if (this.local.size >= MAX_LOCAL_ENTRIES) {
      const now = Date.now();
      for (const [k, e] of this.local) {
        if (e.expires <= now) this.local.delete(k);
      }
      while (this.local.size >= MAX_LOCAL_ENTRIES) {
        this.local.delete(this.local.keys().next().value!);
      }
    }
    this.local.set(key, { value, expires: Date.now() + this.ttlMs });
  }
}
