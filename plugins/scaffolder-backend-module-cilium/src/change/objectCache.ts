/**
 * Git objects are immutable and named by their content's hash, so a blob's
 * text and a tree's entries can be kept across reads (and repositories)
 * without ever going stale. Bounded by size; the oldest entries go first.
 * A change then reads only the objects that are new since the last one.
 */
const LIMIT_BYTES = 32 * 1024 * 1024;

export class ObjectCache<T> {
  private readonly entries = new Map<string, { value: T; size: number }>();
  private bytes = 0;

  constructor(private readonly limit = LIMIT_BYTES) {}

  get(oid: string): T | undefined {
    const entry = this.entries.get(oid);
    if (!entry) return undefined;
    // Most recently used last.
    this.entries.delete(oid);
    this.entries.set(oid, entry);
    return entry.value;
  }

  set(oid: string, value: T, size: number): void {
    if (size > this.limit || this.entries.has(oid)) return;
    this.entries.set(oid, { value, size });
    this.bytes += size;
    for (const [key, entry] of this.entries) {
      if (this.bytes <= this.limit) break;
      this.entries.delete(key);
      this.bytes -= entry.size;
    }
  }
}
