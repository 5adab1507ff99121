/** Assumed size of one indexed Gateway or HTTPRoute kept for paging. */
const BYTES_PER_INDEXED_ITEM = 1024;

/**
 * Approximate memory held by a cached value: the bytes of its serialized
 * body (a JsonBody's buffer, a StatusEntry's body) plus a fixed size per
 * item of its paged sections; other values count as their JSON length.
 */
export function approximateBytes(value: unknown): number {
  if (Buffer.isBuffer(value)) return value.length;
  const v = value as {
    buffer?: unknown;
    body?: { buffer?: unknown };
    sections?: Record<string, { count?: number } | undefined>;
  };
  if (v && typeof v === 'object') {
    if (Buffer.isBuffer(v.buffer)) return v.buffer.length + 256;
    if (Buffer.isBuffer(v.body?.buffer)) {
      let items = 0;
      for (const s of Object.values(v.sections ?? {})) items += s?.count ?? 0;
      return v.body!.buffer.length + items * BYTES_PER_INDEXED_ITEM + 512;
    }
  }
  try {
    return Buffer.byteLength(JSON.stringify(value) ?? '') + 64;
  } catch {
    return 1024;
  }
}
