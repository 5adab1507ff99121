import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

/** A response body serialized once, ready to be sent any number of times. */
export interface JsonBody {
  buffer: Buffer;
  /** Weak ETag: a hash of the bytes, made once per value. */
  etag: string;
  /** The body gzipped (fast level, off the event loop), made once. */
  gzipped(): Promise<Buffer>;
}

const gzip = promisify(zlib.gzip);

export function jsonBodyOf(buffer: Buffer): JsonBody {
  let zipped: Promise<Buffer> | undefined;
  const hash = createHash('sha1').update(buffer).digest('base64url');
  return {
    buffer,
    etag: `W/"${hash.slice(0, 22)}"`,
    gzipped: () =>
      (zipped ??= gzip(buffer, { level: zlib.constants.Z_BEST_SPEED })),
  };
}

/**
 * The bodies of the values the service answered, by identity. The service
 * answers the same object while its cache holds it, so a warm request
 * costs a map lookup: no stringify, no hashing, no gzip. A body lives as
 * long as its value.
 */
const bodies = new WeakMap<object, JsonBody>();

/** The serialized body of a service answer, made once per value. */
export function bodyOf(value: object): JsonBody {
  let body = bodies.get(value);
  if (!body) {
    body = jsonBodyOf(Buffer.from(JSON.stringify(value)));
    bodies.set(value, body);
  }
  return body;
}
