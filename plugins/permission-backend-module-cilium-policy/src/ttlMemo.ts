/**
 * A small in-process cache: one computation per key and TTL, concurrent
 * callers share it, failures are not kept. Bounded by entry count.
 */
export class TtlMemo<V> {
  private readonly entries = new Map<
    string,
    { value: Promise<V>; expires: number }
  >();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 5000,
  ) {}

  get(key: string, compute: () => Promise<V>): Promise<V> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.value;
    if (this.entries.size >= this.maxEntries) {
      for (const [k, e] of this.entries) {
        if (e.expires <= now || this.entries.size >= this.maxEntries) {
          this.entries.delete(k);
        }
        if (this.entries.size < this.maxEntries) break;
      }
    }
    const value = compute();
    this.entries.set(key, { value, expires: now + this.ttlMs });
    value.catch(() => this.entries.delete(key));
    return value;
  }
}
