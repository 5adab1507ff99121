import express from 'express';
import Router from 'express-promise-router';
import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import {
  ciliumClusterReadPermission,
  ciliumFlowsReadPermission,
} from '@internal/plugin-cilium-common';
import { CiliumStatusService } from '@internal/plugin-cilium-node';
import {
  parseFlowsQuery,
  parseFlowsSummaryQuery,
  parseFlowStreamQuery,
} from './flowsQuery';
import { serveFlowStream } from './flowStream';
import { FlowStreams } from '../service/FlowStreamHub';
import { parseItemsQuery } from './itemsQuery';
import { parseMetricsQuery } from './metricsQuery';
import { MetricsService } from '../service/MetricsService';
import { sendJson } from './sendJson';
import { authorizeCluster } from './authorizeCluster';
import { GitLiveService } from '../service/GitLiveService';
import { ClusterEntityRefLookup } from '../service/clusterEntityRefs';
import { PolicyReadinessService } from '../service/PolicyReadinessService';
import { parsePolicyReadinessQuery } from './policyReadinessQuery';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  service: CiliumStatusService;
  /** The metrics route (the cluster's Prometheus); absent, no route. */
  metrics?: MetricsService;
  /** The "Git and live" view (`/clusters/:name/git`), when wired. */
  gitLive?: GitLiveService;
  /** The cluster entity ref the per-cluster checks pass as resourceRef. */
  clusterEntityRef: ClusterEntityRefLookup;
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
    await authorizeCluster(
      { permissions, clusterEntityRef },
      credentials,
      permission,
      req.params.name,
    );
    return credentials;
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
      await service.getClusterStatus(req.params.name, { credentials }),
    );
  });

  // Gateways and HTTPRoutes are paged and searched here, from the snapshot
  // the status document was made from (which carries only their counts).
  const pagedSections: [string, 'gateways' | 'httpRoutes'][] = [
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
        await service.getItems(req.params.name, section, query),
      );
    });
  }

  router.get('/clusters/:name/flows', async (req, res) => {
    await authorize(req, ciliumFlowsReadPermission);
    const query = parseFlowsQuery(req.query);
    await sendJson(req, res, await service.getFlows(req.params.name, query));
  });

  router.get('/clusters/:name/flows/summary', async (req, res) => {
    await authorize(req, ciliumFlowsReadPermission);
    const query = parseFlowsSummaryQuery(req.query);
    await sendJson(req, res, await service.getFlowsSummary(req.params.name, query));
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
    await sendJson(req, res, await service.getMesh({ credentials }));
  });

  return router;
}
