import express from 'express';
import { CustomErrorBase } from '@backstage/errors';

/**
 * The caller asked for more than the status API serves at once (Relay
 * streams) or per minute (flows per user). Answered 429 with `Retry-After`.
 */
export class TooManyRequestsError extends CustomErrorBase {
  name = 'TooManyRequestsError' as const;

  constructor(message: string, readonly retryAfterSeconds: number) {
    super(message);
  }
}

/**
 * Express error middleware for the plugin's router: TooManyRequestsError →
 * 429 with `Retry-After` and the Backstage error body shape; anything else
 * goes on to the default error handler.
 */
export function tooManyRequestsHandler(): express.ErrorRequestHandler {
  return (err, req, res, next) => {
    if (!(err instanceof TooManyRequestsError) || res.headersSent) {
      next(err);
      return;
    }
    res
      .status(429)
      .set('Retry-After', String(Math.max(1, Math.ceil(err.retryAfterSeconds))))
      .json({
        error: { name: err.name, message: err.message },
        request: { method: req.method, url: req.originalUrl },
        response: { statusCode: 429 },
      });
  };
}
