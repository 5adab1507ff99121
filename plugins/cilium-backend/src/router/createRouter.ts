import express from 'express';
import Router from 'express-promise-router';
import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  ciliumClusterReadPermission,
  ciliumFlowsReadPermission,
} from '@internal/plugin-cilium-common';
import { StatusService } from '../service/StatusService';
import {
  parseFlowsQuery,
  parseFlowsSummaryQuery,
  parseFlowStreamQuery,
} from './flowsQuery';
import { serveFlowStream } from './flowStream';
import { FlowsSummaryService } from '../service/FlowsSummaryService';
import { FlowStreams } from '../service/FlowStreamHub';
import { parseItemsQuery } from './itemsQuery';
import { parseMetricsQuery } from './metricsQuery';
import { MetricsService } from '../service/MetricsService';
import { JsonBody } from '../service/jsonBody';
import { PagedSection } from '../service/statusEntry';
import { GitLiveService } from '../service/GitLiveService';
import { ClusterEntityRefLookup } from '../service/clusterEntityRefs';
import { PolicyReadinessService } from '../service/PolicyReadinessService';
import { parsePolicyReadinessQuery } from './policyReadinessQuery';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  service: StatusService;
  /** The metrics route (the cluster's Prometheus); absent, no route. */
  metrics?: MetricsService;
  /** The "Git and live" view (`/clusters/:name/git`), when wired. */
  gitLive?: GitLiveService;
  /** The cluster entity ref the per-cluster checks pass as resourceRef. */
  clusterEntityRef: ClusterEntityRefLookup;
  flowsSummary: FlowsSummaryService;
  flowStreams: FlowStreams;
  /** Zero-trust readiness (`/clusters/:name/policy-readiness`), when wired. */
  policyReadiness?: PolicyReadinessService;
}

/**
 * Routes under `/api/cilium`. Every route needs credentials (user or
 * service) and a permission: `cilium.cluster.read` for clusters, status,
 * Gateways, HTTPRoutes and mesh, `cilium.flows.read` for flows; per-cluster
 * routes check them on the cluster's catalog entity (resourceRef), the
 * cluster list and the mesh without one. Errors are `@backstage/errors`, which
 * the default error handler maps to 400/403/404.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const {
    httpAuth,
    permissions,
    service,
    clusterEntityRef,
    flowsSummary,
    flowStreams,
  } = options;
  const router = Router();

  const authorize = async (
    req: express.Request,
    permission: ResourcePermission<'catalog-entity'>,
  ) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    // The cluster list and the mesh span clusters: they need the
    // permission unconditionally (a conditional answer denies them).
    const [decision] = req.params.name
      ? await permissions.authorize(
          [
            {
              permission,
              resourceRef: await clusterEntityRef(req.params.name),
            },
          ],
          { credentials },
        )
      : await permissions.authorizeConditional([{ permission }], {
          credentials,
        });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Missing permission ${permission.name}`);
    }
    return credentials;
  };

  /**
   * Sends a (possibly cached) JSON body. Its ETag is precomputed, which
   * spares Express hashing megabytes per request and answers conditional
   * requests with 304; the gzipped body is made once per cached value.
   */
  const sendJson = async (
    req: express.Request,
    res: express.Response,
    body: JsonBody,
  ) => {
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
  };

  router.get('/clusters', async (req, res) => {
    await authorize(req, ciliumClusterReadPermission);
    await sendJson(req, res, await service.listClusters());
  });

  router.get('/clusters/:name/status', async (req, res) => {
    const credentials = await authorize(req, ciliumClusterReadPermission);
    await sendJson(
      req,
      res,
      await service.status(req.params.name, credentials),
    );
  });

  // Gateways and HTTPRoutes are paged and searched here, from the snapshot
  // the status document was made from (which carries only their counts).
  const pagedSections: [string, PagedSection][] = [
    ['gateways', 'gateways'],
    ['httproutes', 'httpRoutes'],
  ];
  for (const [path, section] of pagedSections) {
    router.get(`/clusters/:name/${path}`, async (req, res) => {
      await authorize(req, ciliumClusterReadPermission);
      const query = parseItemsQuery(req.query);
      await sendJson(
        req,
        res,
        await service.page(req.params.name, section, query),
      );
    });
  }

  router.get('/clusters/:name/flows', async (req, res) => {
    await authorize(req, ciliumFlowsReadPermission);
    const query = parseFlowsQuery(req.query);
    await sendJson(req, res, await service.flows(req.params.name, query));
  });

  router.get('/clusters/:name/flows/summary', async (req, res) => {
    await authorize(req, ciliumFlowsReadPermission);
    const query = parseFlowsSummaryQuery(req.query);
    await sendJson(
      req,
      res,
      await flowsSummary.summary(req.params.name, query),
    );
  });

  router.get('/clusters/:name/flows/stream', async (req, res) => {
    await authorize(req, ciliumFlowsReadPermission);
    const query = parseFlowStreamQuery(req.query);
    await serveFlowStream(flowStreams, req.params.name, query, res);
  });

  const metrics = options.metrics;
  if (metrics) {
    router.get('/clusters/:name/metrics', async (req, res) => {
      await authorize(req, ciliumClusterReadPermission);
      const { range } = parseMetricsQuery(req.query);
      await sendJson(req, res, await metrics.metrics(req.params.name, range));
    });
  }

  // Git against live: repository head, live routes, Argo CD revisions.
  const gitLive = options.gitLive;
  if (gitLive) {
    router.get('/clusters/:name/git', async (req, res) => {
      await authorize(req, ciliumClusterReadPermission);
      await sendJson(req, res, await gitLive.gitLive(req.params.name));
    });
  }

  // Zero-trust readiness: built from flows, so it needs the flows permission.
  const policyReadiness = options.policyReadiness;
  if (policyReadiness) {
    router.get('/clusters/:name/policy-readiness', async (req, res) => {
      await authorize(req, ciliumFlowsReadPermission);
      const query = parsePolicyReadinessQuery(req.query);
      await sendJson(
        req,
        res,
        await policyReadiness.readiness(req.params.name, query),
      );
    });
  }

  router.get('/mesh', async (req, res) => {
    const credentials = await authorize(req, ciliumClusterReadPermission);
    await sendJson(req, res, await service.mesh(credentials));
  });

  return router;
}
