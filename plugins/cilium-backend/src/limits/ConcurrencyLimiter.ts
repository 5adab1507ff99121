import { TooManyRequestsError } from './TooManyRequestsError';

export interface ConcurrencyLimits {
  /** Calls running at once per key (cluster). */
  perKey: number;
  /** Calls running at once over all keys. */
  total: number;
  /** How long a call may wait for a slot before it is refused. */
  queueTimeoutMs: number;
  /** Calls that may wait at once; more are refused at once. */
  queueLength: number;
}

interface Waiter {
  key: string;
  start: () => void;
  fail: (e: Error) => void;
}

/**
 * At most `perKey` calls per key and `total` overall at once; the others
 * wait in arrival order (bounded queue, bounded wait) and are then refused
 * with a TooManyRequestsError (429 with Retry-After). A waiter whose
 * AbortSignal fires leaves the queue.
 */
export class ConcurrencyLimiter {
  private running = 0;
  private readonly perKeyRunning = new Map<string, number>();
  private readonly queue: Waiter[] = [];

  constructor(
    private readonly limits: ConcurrencyLimits,
    private readonly what = 'Hubble Relay streams',
  ) {}

  async run<T>(
    key: string,
    signal: AbortSignal | undefined,
    fn: () => Promise<T>,
  ): Promise<T> {
    await this.acquire(key, signal);
    try {
      return await fn();
    } finally {
      this.release(key);
    }
  }

  /**
   * Holds a slot until the returned release is called (idempotent): for
   * long-lived work such as a live Relay stream. Waits and is refused like
   * `run`.
   */
  async hold(key: string, signal?: AbortSignal): Promise<() => void> {
    await this.acquire(key, signal);
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      this.release(key);
    };
  }

  /** Calls running now (for tests and figures). */
  get active() {
    return this.running;
  }

  private free(key: string) {
    return (
      this.running < this.limits.total &&
      (this.perKeyRunning.get(key) ?? 0) < this.limits.perKey
    );
  }

  private take(key: string) {
    this.running++;
    this.perKeyRunning.set(key, (this.perKeyRunning.get(key) ?? 0) + 1);
  }

  private acquire(key: string, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.free(key) && !this.queue.some(w => w.key === key)) {
      this.take(key);
      return Promise.resolve();
    }
    const retryAfter = Math.max(
      1,
      Math.ceil(this.limits.queueTimeoutMs / 1000),
    );
    if (this.queue.length >= this.limits.queueLength) {
      return Promise.reject(
        new TooManyRequestsError(
          `Too many ${this.what} queued (${this.limits.queueLength}); try again later`,
          retryAfter,
        ),
      );
    }
    const queue = this.queue;
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        key,
        start: () => {
          done();
          this.take(key);
          resolve();
        },
        fail: e => {
          done();
          reject(e);
        },
      };
      const timer = setTimeout(
        () =>
          waiter.fail(
            new TooManyRequestsError(
              `No free slot among ${this.what} (at most ${this.limits.perKey} per cluster, ${this.limits.total} in all) within ${this.limits.queueTimeoutMs} ms; try again later`,
              retryAfter,
            ),
          ),
        this.limits.queueTimeoutMs,
      );
      const onAbort = () => waiter.fail(signal!.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(waiter);
      // leaves the queue once started, timed out or aborted
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        const i = queue.indexOf(waiter);
        if (i >= 0) queue.splice(i, 1);
      }
    });
  }

  private release(key: string) {
    this.running--;
    const n = (this.perKeyRunning.get(key) ?? 1) - 1;
    if (n > 0) this.perKeyRunning.set(key, n);
    else this.perKeyRunning.delete(key);
    // start the first waiters that fit, in arrival order
    for (const w of [...this.queue]) {
      if (this.running >= this.limits.total) break;
      if (this.free(w.key)) w.start();
    }
  }
}
