/**
 * A JSON array of `T`, already serialized (page by page, as the pages
 * arrived). `serializeDocument` writes it into a document as is.
 */
export class JsonArray<T> {
  /** Only for typing: what the JSON holds. */
  declare readonly itemType?: T;

  constructor(readonly json: string, readonly length: number) {}
}

/**
 * `JSON.stringify` of a flat document whose top-level values may be
 * pre-serialized arrays; key order is the object's. Undefined values are
 * left out, as JSON.stringify does.
 */
export function serializeDocument(doc: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(doc)) {
    if (value === undefined) continue;
    const json =
      value instanceof JsonArray ? value.json : JSON.stringify(value);
    parts.push(`${JSON.stringify(key)}:${json}`);
  }
  return `{${parts.join(',')}}`;
}
