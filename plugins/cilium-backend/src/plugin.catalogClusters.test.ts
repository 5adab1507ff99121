import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  createServiceFactory,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  clientCertificate,
  demoClusterObjects,
  HubbleRelayTestServer,
  KubernetesTestServer,
  startHubbleRelayTestServer,
  startKubernetesTestServer,
} from '@internal/cilium-test-servers';
import {
  ANNOTATION_HUBBLE_RELAY_ADDRESS,
  ANNOTATION_KUBERNETES_API_SERVER,
  ANNOTATION_KUBERNETES_API_SERVER_CA,
  ClusterStatus,
  ClustersResponse,
} from '@internal/plugin-cilium-common';
import request from 'supertest';
import ciliumPlugin from './index';
import {
  AUTH,
  demoCluster,
  pluginConfig,
  TestCluster,
} from './__testUtils__/testEnvironment';
import { CATALOG_CLUSTERS_TASK_ID } from './connections/startCatalogClusters';

type Task = SchedulerServiceTaskScheduleDefinition & {
  id: string;
  fn: (signal: AbortSignal) => Promise<void>;
};

function clusterEntity(
  name: string,
  annotations: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, annotations },
    spec: { type: 'kubernetes-cluster', owner: 'group:default/platform' },
  };
}

describe('cilium backend plugin with clusters from the catalog', () => {
  let tlsServer: KubernetesTestServer;
  let relay: HubbleRelayTestServer;
  let configured: TestCluster;

  beforeAll(async () => {
    tlsServer = await startKubernetesTestServer({
      objects: demoClusterObjects('democluster1'),
      tls: true,
    });
    relay = await startHubbleRelayTestServer({ cluster: 'democluster1' });
    configured = await demoCluster('democluster2');
  });
  afterAll(async () => {
    await tlsServer.close();
    await relay.close();
    await configured.close();
  });

  it('serves catalog clusters over HTTPS with the annotated CA, follows catalog removals, ignores entities without an API server and lets configured clusters win', async () => {
    const caData = Buffer.from(tlsServer.caPem!).toString('base64');
    const catalog = catalogServiceMock({
      entities: [
        clusterEntity('catalog-one', {
          [ANNOTATION_KUBERNETES_API_SERVER]: tlsServer.url,
          [ANNOTATION_KUBERNETES_API_SERVER_CA]: caData,
          [ANNOTATION_HUBBLE_RELAY_ADDRESS]: relay.address,
        }),
        // The right server and token, but a CA that did not sign its
        // certificate: the annotation is the only trust anchor.
        clusterEntity('wrong-ca', {
          [ANNOTATION_KUBERNETES_API_SERVER]: tlsServer.url,
          [ANNOTATION_KUBERNETES_API_SERVER_CA]: Buffer.from(
            clientCertificate('unrelated').caPem,
          ).toString('base64'),
        }),
        clusterEntity('no-api-server', {
          [ANNOTATION_KUBERNETES_API_SERVER_CA]: caData,
        }),
        // Same name as the configured cluster, pointing nowhere: if it
        // won, democluster2 would be unreachable.
        clusterEntity('democluster2', {
          [ANNOTATION_KUBERNETES_API_SERVER]: 'https://127.0.0.1:1',
          [ANNOTATION_KUBERNETES_API_SERVER_CA]: caData,
        }),
      ],
    });
    const tasks: Task[] = [];
    const scheduler = mockServices.scheduler.mock({
      scheduleTask: async task => {
        tasks.push(task as Task);
      },
    });
    const config = pluginConfig(
      [
        {
          name: configured.name,
          url: configured.server.url,
          token: configured.server.token,
        },
      ],
      {
        clusterLocatorMethods: [
          { type: 'config' },
          {
            type: 'catalog',
            refreshIntervalSeconds: 60,
            serviceAccountToken: 'not-this-one',
            clusters: [
              { name: 'catalog-one', serviceAccountToken: tlsServer.token },
              { name: 'wrong-ca', serviceAccountToken: tlsServer.token },
            ],
          },
        ],
      },
    );
    const backend = await startTestBackend({
      features: [
        ciliumPlugin,
        mockServices.rootConfig.factory({ data: config }),
        createServiceFactory({
          service: catalogServiceRef,
          deps: {},
          factory: () => catalog,
        }),
        scheduler.factory,
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
      ],
    });
    const http = request(backend.server);
    try {
      // Nothing ran the scheduled task yet: the first request reads the
      // catalog. catalog-one answers only to its own token (the default one
      // is refused) and is verified with the CA from its annotation.
      const list = (await http.get('/api/cilium/clusters').set(AUTH))
        .body as ClustersResponse;
      expect(
        list.items.map(i => [i.name, i.reachable, i.hubbleConfigured]),
      ).toEqual([
        ['democluster2', true, false],
        ['catalog-one', true, true],
        ['wrong-ca', false, false],
      ]);
      expect(list.items[2].error?.message).toMatch(/certificate/i);
      const status = (
        await http.get('/api/cilium/clusters/catalog-one/status').set(AUTH)
      ).body as ClusterStatus;
      expect(status.errors).toEqual([]);
      expect(status.gatewayCounts?.total).toBe(4);
      expect(status.hubble).toBeDefined();

      expect(tasks.map(t => [t.id, t.scope, t.frequency])).toEqual([
        [CATALOG_CLUSTERS_TASK_ID, 'local', { seconds: 60 }],
      ]);
      await catalog.removeEntityByUid('uid-catalog-one');
      await tasks[0].fn(new AbortController().signal);
      const after = (await http.get('/api/cilium/clusters').set(AUTH))
        .body as ClustersResponse;
      expect(after.items.map(i => i.name)).toEqual([
        'democluster2',
        'wrong-ca',
      ]);
      expect(
        (await http.get('/api/cilium/clusters/catalog-one/status').set(AUTH))
          .status,
      ).toBe(404);
    } finally {
      await backend.stop();
    }
  });
});
