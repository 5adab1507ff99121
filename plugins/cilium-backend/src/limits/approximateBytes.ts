/** Assumed size of one indexed Gateway or HTTPRoute kept for paging. */
const BYTES_PER_INDEXED_ITEM = 1024;

/**
 * Approximate memory held by a cached value: its JSON length (a status
 * snapshot's document) plus a fixed size per item of its paged sections.
 */
export function approximateBytes(value: unknown): number {
  if (Buffer.isBuffer(value)) return value.length;
  const v = value as {
    status?: unknown;
    sections?: Record<string, { count?: number } | undefined>;
  };
  try {
    if (v && typeof v === 'object' && v.status && v.sections) {
      let items = 0;
      for (const s of Object.values(v.sections)) items += s?.count ?? 0;
      return (
        Buffer.byteLength(JSON.stringify(v.status)) +
        items * BYTES_PER_INDEXED_ITEM +
        512
      );
    }
    return Buffer.byteLength(JSON.stringify(value) ?? '') + 64;
  } catch {
    return 1024;
  }
}
