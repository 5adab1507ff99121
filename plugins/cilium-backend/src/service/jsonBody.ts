import { promisify } from 'node:util';
import zlib from 'node:zlib';

/** A response body serialized once, ready to be sent any number of times. */
export interface JsonBody {
  buffer: Buffer;
  /** Weak ETag, unique per computed value (no hashing of megabytes). */
  etag: string;
  /** The body gzipped (fast level, off the event loop), made once. */
  gzipped(): Promise<Buffer>;
}

const gzip = promisify(zlib.gzip);
/** Distinguishes ETags of values computed by different processes. */
const ETAG_PREFIX = `${process.pid.toString(36)}${Date.now().toString(36)}`;
let etagCounter = 0;

export function jsonBody(value: unknown): JsonBody {
  return jsonBodyOf(Buffer.from(JSON.stringify(value)));
}

/**
 * A body from already serialized JSON (and its gzip, when known). The ETag
 * is a new one unless given (a value derived from another with an ETag).
 */
export function jsonBodyOf(
  buffer: Buffer,
  known: { gzipped?: Buffer; etag?: string } = {},
): JsonBody {
  const { gzipped } = known;
  let zipped: Promise<Buffer> | undefined = gzipped
    ? Promise.resolve(gzipped)
    : undefined;
  return {
    buffer,
    etag: known.etag ?? `W/"${ETAG_PREFIX}-${(etagCounter++).toString(36)}"`,
    gzipped: () =>
      (zipped ??= gzip(buffer, { level: zlib.constants.Z_BEST_SPEED })),
  };
}

/**
 * A body as it travels through the core cache: gzipped and base64-encoded
 * (about 4 % of the JSON for status documents), so Redis holds and moves
 * kilobytes, not megabytes.
 */
export async function encodeBody(body: JsonBody): Promise<string> {
  return (await body.gzipped()).toString('base64');
}

export function decodeBody(text: string): JsonBody {
  const gz = Buffer.from(text, 'base64');
  return jsonBodyOf(zlib.gunzipSync(gz), { gzipped: gz });
}

/** Core-cache codec for entries that are just a body. */
export const bodyCodec = { encode: encodeBody, decode: decodeBody };
