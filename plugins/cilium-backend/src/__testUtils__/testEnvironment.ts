import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { ServiceFactory } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import {
  demoClusterObjects,
  HubbleRelayTestServer,
  KubernetesTestServer,
  startHubbleRelayTestServer,
  startKubernetesTestServer,
} from '@internal/cilium-test-servers';
import request from 'supertest';
import ciliumPlugin from '../index';

export const AUTH = { Authorization: mockCredentials.user.header() };

/**
 * Requests one status document takes from a cluster: cilium-config,
 * GatewayClasses, Gateways, HTTPRoutes, CiliumNodes, LB-IPAM pools, two BGP
 * kinds, the clustermesh-apiserver Service and Deployment, Applications.
 */
export const REQUESTS_PER_STATUS = 11;

export interface TestCluster {
  name: string;
  server: KubernetesTestServer;
  /** The cluster's Hubble Relay test server, when started. */
  relay?: HubbleRelayTestServer;
  /** Extra `cilium.clusters[]` settings. */
  extras?: Record<string, unknown>;
  /** Overrides of the `kubernetes` cluster entry (TLS settings, token). */
  connection?: Record<string, unknown>;
  close(): Promise<void>;
}

/**
 * Starts a Kubernetes API test server holding one demo cluster's objects
 * and, with `hubble`, a Hubble Relay test server with its demo flows.
 */
export async function demoCluster(
  name: 'democluster1' | 'democluster2',
  extras?: Record<string, unknown>,
  opts: { hubble?: boolean } = {},
): Promise<TestCluster> {
  const server = await startKubernetesTestServer({
    objects: demoClusterObjects(name),
  });
  const relay = opts.hubble
    ? await startHubbleRelayTestServer({ cluster: name })
    : undefined;
  return {
    name,
    server,
    relay,
    extras: {
      meshPeers: [name === 'democluster1' ? 'democluster2' : 'democluster1'],
      argocd: { baseUrl: `https://argocd.${name}.example.com` },
      ...(relay ? { hubble: { address: relay.address } } : {}),
      ...extras,
    },
    close: async () => {
      await server.close();
      await relay?.close();
    },
  };
}

/** The app-config that points the plugin at the given test servers. */
export function pluginConfig(
  clusters: {
    name: string;
    url: string;
    token: string;
    extras?: Record<string, unknown>;
    connection?: Record<string, unknown>;
  }[],
  cilium: Record<string, unknown> = {},
) {
  return {
    kubernetes: {
      serviceLocatorMethod: { type: 'multiTenant' },
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: clusters.map(c => ({
            name: c.name,
            url: c.url,
            authProvider: 'serviceAccount',
            serviceAccountToken: c.token,
            skipTLSVerify: true,
            ...c.connection,
          })),
        },
      ],
    },
    cilium: {
      timeoutMs: 1000,
      cacheTtlSeconds: 0,
      clusters: clusters.map(c => ({ name: c.name, ...c.extras })),
      ...cilium,
    },
  };
}

/**
 * Starts the plugin in a test backend configured to the given clusters,
 * returning a supertest client for it.
 */
export async function startPlugin(opts: {
  clusters: TestCluster[];
  cilium?: Record<string, unknown>;
  entities?: Entity[];
  features?: ServiceFactory[];
  /** More app-config, beside `kubernetes` and `cilium` (e.g. `backend`). */
  config?: Record<string, unknown>;
}) {
  const config = pluginConfig(
    opts.clusters.map(c => ({
      name: c.name,
      url: c.server.url,
      token: c.server.token,
      extras: c.extras,
      connection: c.connection,
    })),
    opts.cilium,
  );
  const backend = await startTestBackend({
    features: [
      ciliumPlugin,
      mockServices.rootConfig.factory({
        data: { ...opts.config, ...config },
      }),
      catalogServiceMock.factory({ entities: opts.entities ?? [] }),
      // Like a real backend: no credentials on the request means none at
      // all (the test backend otherwise assumes a default user).
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      ...(opts.features ?? []),
    ],
  });
  return { backend, http: request(backend.server), config };
}
