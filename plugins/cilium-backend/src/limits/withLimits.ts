import express from 'express';
import { HttpAuthService } from '@backstage/backend-plugin-api';
import { flowsRateLimit } from './flowsRateLimit';
import { tooManyRequestsHandler } from './TooManyRequestsError';
import { LimitSettings } from './limitSettings';

/**
 * The plugin's routes behind the per-user flows rate limit, with
 * TooManyRequestsError (rate limit, no Relay stream free) answered 429.
 */
export function withLimits(
  routes: express.Router,
  opts: { httpAuth: HttpAuthService; limits: LimitSettings },
): express.Router {
  const router = express.Router();
  router.use(flowsRateLimit(opts.httpAuth, opts.limits.flowsRequestsPerMinute));
  router.use(routes);
  router.use(tooManyRequestsHandler());
  return router;
}
