import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { SharedCodec } from './ResponseCache';

const gzip = promisify(zlib.gzip);

/**
 * How a JSON value travels through the core cache: gzipped and
 * base64-encoded (about 4 % of the JSON for status documents), so Redis
 * holds and moves kilobytes, not megabytes.
 */
export const valueCodec: SharedCodec<any> = {
  async encode(value: unknown) {
    const gz = await gzip(JSON.stringify(value), {
      level: zlib.constants.Z_BEST_SPEED,
    });
    return gz.toString('base64');
  },
  decode(text: string) {
    return JSON.parse(
      zlib.gunzipSync(Buffer.from(text, 'base64')).toString('utf8'),
    );
  },
};
