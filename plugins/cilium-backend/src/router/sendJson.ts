import express from 'express';
import { bodyOf } from './jsonBody';

/**
 * Sends a service answer as JSON. Its body, ETag and gzip are made once per
 * answer (see `bodyOf`), which spares Express hashing megabytes per request
 * and answers conditional requests with 304. Headers go straight to Node's
 * response (`setHeader`, `end`): Express's `res.set`/`res.send` would look
 * up the MIME type, re-check freshness and re-set the length per request,
 * which is most of what a warm request costs beyond the socket write
 * (CPU profile of `yarn bench:status`).
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
  res.setHeader('ETag', body.etag);
  res.setHeader('Cache-Control', 'private, no-cache');
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  let bytes = body.buffer;
  if (req.acceptsEncodings('gzip', 'identity') === 'gzip') {
    bytes = await body.gzipped();
    res.setHeader('Content-Encoding', 'gzip');
  }
  res.setHeader('Content-Length', bytes.length);
  res.statusCode = 200;
  res.end(req.method === 'HEAD' ? undefined : bytes);
}
