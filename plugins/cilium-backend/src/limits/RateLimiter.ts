import { TooManyRequestsError } from './TooManyRequestsError';

interface Bucket {
  tokens: number;
  updated: number;
}

const MAX_TRACKED = 10_000;

/**
 * A token bucket per caller: `perMinute` requests a minute, with bursts up
 * to `perMinute`. Beyond it, a TooManyRequestsError with the seconds until
 * the next token (Retry-After).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly perMinute: number,
    private readonly what: string,
    private readonly now: () => number = Date.now,
  ) {}

  take(caller: string): void {
    if (this.perMinute <= 0) return;
    const now = this.now();
    const rate = this.perMinute / 60_000;
    let bucket = this.buckets.get(caller);
    if (bucket) {
      bucket.tokens = Math.min(
        this.perMinute,
        bucket.tokens + (now - bucket.updated) * rate,
      );
      bucket.updated = now;
    } else {
      if (this.buckets.size >= MAX_TRACKED) this.prune(now, rate);
      bucket = { tokens: this.perMinute, updated: now };
      this.buckets.set(caller, bucket);
    }
    if (bucket.tokens < 1) {
      const waitMs = (1 - bucket.tokens) / rate;
      throw new TooManyRequestsError(
        `Rate limit of ${this.perMinute} ${
          this.what
        } per minute reached; try again in ${Math.ceil(waitMs / 1000)} s`,
        waitMs / 1000,
      );
    }
    bucket.tokens -= 1;
  }

  /** Forgets callers whose bucket has refilled (they start full anyway). */
  private prune(now: number, rate: number) {
    for (const [k, b] of this.buckets) {
      if (b.tokens + (now - b.updated) * rate >= this.perMinute) {
        this.buckets.delete(k);
      }
    }
    while (this.buckets.size >= MAX_TRACKED) {
      this.buckets.delete(this.buckets.keys().next().value!);
    }
  }
}
