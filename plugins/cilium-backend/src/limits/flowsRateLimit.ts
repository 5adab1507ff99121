import express from 'express';
import { HttpAuthService } from '@backstage/backend-plugin-api';
import { RateLimiter } from './RateLimiter';

/** The flows routes (the list and anything below it) and the readiness, which reads flows. */
const FLOWS_PATH = /^\/clusters\/[^/]+\/(flows|policy-readiness)(\/|$)/;

/**
 * Middleware placed before the plugin's routes: each user (or service) may
 * make `perMinute` flows requests a minute; more get 429 with Retry-After
 * (the error goes to tooManyRequestsHandler). Requests without credentials
 * pass on, to be refused by the route itself.
 */
export function flowsRateLimit(
  httpAuth: HttpAuthService,
  perMinute: number,
): express.RequestHandler {
  const limiter = new RateLimiter(perMinute, 'flows requests');
  return async (req, _res, next) => {
    if (req.method !== 'GET' || !FLOWS_PATH.test(req.path)) {
      next();
      return;
    }
    try {
      const credentials = await httpAuth
        .credentials(req, { allow: ['user', 'service'] })
        .catch(() => undefined);
      if (credentials) {
        const p = credentials.principal as {
          userEntityRef?: string;
          subject?: string;
        };
        limiter.take(p.userEntityRef ?? `service:${p.subject ?? 'unknown'}`);
      }
      next();
    } catch (e) {
      next(e);
    }
  };
}
