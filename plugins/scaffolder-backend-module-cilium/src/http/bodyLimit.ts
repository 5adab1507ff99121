/**
 * A tighter request body limit for the scaffolder's task create
 * (`POST /v2/tasks`) and dry-run (`POST /v2/dry-run`) routes.
 *
 * @backstage/plugin-scaffolder-backend 4.3 parses every body of its router
 * with a fixed `express.json({ limit: "10MB" })` ("Be generous in upload
 * size to support a wide range of templates in dry-run mode",
 * dist/service/router.cjs.js, createRouter); there is no setting for it.
 * This module shares the scaffolder's plugin router and modules initialise
 * before their plugin, so this middleware runs first: it parses the body
 * itself with our limit (body-parser then marks it parsed, `req._body`, and
 * the scaffolder's parser skips it) and answers 413 above the limit — from
 * the Content-Length header alone, before reading, when one is sent.
 */
import type { Config } from '@backstage/config';
import express, { type RequestHandler } from 'express';

/**
 * Our templates' dry-run bodies are ~40 KB (the template directory, 25 KB,
 * base64-encoded, plus the values); a cluster spec at every size cap of
 * @internal/cilium-gitops is well under 0.5 MB. 1 MiB leaves room for
 * bigger templates without letting 10 MB bodies in.
 */
export const DEFAULT_MAX_REQUEST_BODY_BYTES = 1024 * 1024;

export const LIMITED_ROUTES = ['/v2/tasks', '/v2/dry-run'];

export function readMaxRequestBodyBytes(config: Config): number {
  const value = config.getOptionalNumber('ciliumGitops.maxRequestBodyBytes');
  if (value === undefined) return DEFAULT_MAX_REQUEST_BODY_BYTES;
  if (!Number.isInteger(value) || value < 1024) {
    throw new Error(
      `ciliumGitops.maxRequestBodyBytes must be a whole number of bytes ≥ 1024, got ${value}`,
    );
  }
  return value;
}

class PayloadTooLargeError extends Error {
  readonly statusCode = 413;
  constructor(limit: number) {
    super(
      `request body is larger than ${limit} bytes, the limit of this scaffolder route (ciliumGitops.maxRequestBodyBytes)`,
    );
    this.name = 'PayloadTooLargeError';
  }
}

export function createBodyLimitMiddleware(limit: number): RequestHandler {
  // Any content type: the scaffolder's routes only take JSON.
  const json = express.json({ limit, type: () => true });
  return (req, res, next) => {
    if (req.method !== 'POST' || !LIMITED_ROUTES.includes(req.path)) {
      next();
      return;
    }
    json(req, res, (error?: any) => {
      if (error?.type === 'entity.too.large') {
        // The rest of the body is not read; close the connection after the
        // answer rather than keep it for a client still sending.
        res.setHeader('connection', 'close');
        next(new PayloadTooLargeError(limit));
      } else next(error);
    });
  };
}
