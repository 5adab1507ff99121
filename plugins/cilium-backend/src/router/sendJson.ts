import express from 'express';
import { bodyOf } from './jsonBody';

/**
 * Sends a service answer as JSON. Its body, ETag and gzip are made once per
 * answer (see `bodyOf`), which spares Express hashing megabytes per request
 * and answers conditional requests with 304.
 */
export async function sendJson(
  req: express.Request,
  res: express.Response,
  value: object,
): Promise<void> {
  const body = bodyOf(value);
  // private: answers depend on the caller's permissions; no-cache: a
  // browser revalidates with If-None-Match and gets a 304 while the
  // document is unchanged.
  res
    .set('ETag', body.etag)
    .set('Cache-Control', 'private, no-cache')
    .set('Vary', 'Accept-Encoding')
    .type('application/json');
  if (req.fresh) {
    res.status(304).end();
  } else if (req.acceptsEncodings('gzip', 'identity') === 'gzip') {
    res.set('Content-Encoding', 'gzip').send(await body.gzipped());
  } else {
    res.send(body.buffer);
  }
}
