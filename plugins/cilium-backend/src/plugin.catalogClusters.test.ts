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
  exampleClusterSpecDocument,
  loadAddonCatalog,
  parseClusterSpec,
  renderClusterRepo,
} from '@internal/cilium-gitops';
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
import yaml from 'yaml';
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

/**
 * The `catalog-info.yaml` cilium-gitops renders for a cluster whose API
 * server is `url`, with `caPem` (if any) as `controlPlane.apiServerCA`, as
 * the catalog serves it (with a namespace and uid).
 */
function renderedClusterEntity(name: string, url: string, caPem?: string) {
  const { hostname, port } = new URL(url);
  const catalog = loadAddonCatalog();
  const doc = exampleClusterSpecDocument();
  doc.metadata.name = name;
  doc.spec.clusterMesh = { peers: [] };
  doc.spec.demoApps.jobsApp = false;
  doc.spec.controlPlane = {
    apiServerHost: hostname,
    apiServerPort: Number(port),
    ...(caPem ? { apiServerCA: caPem } : {}),
  };
  const spec = parseClusterSpec(doc, {
    ciliumVersions: catalog.ciliumVersions,
  });
  const file = renderClusterRepo(spec, catalog).files.find(
    f => f.path === 'catalog-info.yaml',
  )!;
  const entity = yaml.parse(file.content) as Entity;
  entity.metadata.namespace = 'default';
  entity.metadata.uid = `uid-${name}`;
  return entity;
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
  it('reaches a cluster over HTTPS from the catalog-info.yaml cilium-gitops rendered with spec.controlPlane.apiServerCA', async () => {
    const rendered = renderedClusterEntity(
      'rendered-one',
      tlsServer.url,
      tlsServer.caPem!,
    );
    const annotations = rendered.metadata.annotations!;
    expect(annotations[ANNOTATION_KUBERNETES_API_SERVER]).toBe(tlsServer.url);
    expect(annotations[ANNOTATION_KUBERNETES_API_SERVER_CA]).toBe(
      Buffer.from(tlsServer.caPem!).toString('base64'),
    );
    // Without the CA in the spec there is no CA annotation, and the
    // locator skips the entity: there is nothing to verify the server with.
    const withoutCA = renderedClusterEntity('rendered-no-ca', tlsServer.url);
    expect(Object.keys(withoutCA.metadata.annotations!)).not.toContain(
      ANNOTATION_KUBERNETES_API_SERVER_CA,
    );
    const catalog = catalogServiceMock({ entities: [rendered, withoutCA] });
    const config = pluginConfig([], {
      clusterLocatorMethods: [
        {
          type: 'catalog',
          refreshIntervalSeconds: 60,
          serviceAccountToken: tlsServer.token,
        },
      ],
    });
    const backend = await startTestBackend({
      features: [
        ciliumPlugin,
        mockServices.rootConfig.factory({ data: config }),
        createServiceFactory({
          service: catalogServiceRef,
          deps: {},
          factory: () => catalog,
        }),
        mockServices.scheduler.mock().factory,
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
      ],
    });
    const http = request(backend.server);
    try {
      const list = (await http.get('/api/cilium/clusters').set(AUTH))
        .body as ClustersResponse;
      expect(list.items.map(i => [i.name, i.reachable, i.error])).toEqual([
        ['rendered-one', true, undefined],
      ]);
      const status = (
        await http.get('/api/cilium/clusters/rendered-one/status').set(AUTH)
      ).body as ClusterStatus;
      // Every Kubernetes read succeeded; the entity names no Hubble Relay.
      expect(status.errors.map(e => [e.source, e.reason])).toEqual([
        ['hubble', 'not-configured'],
      ]);
      expect(status.gatewayCounts?.total).toBe(4);
    } finally {
      await backend.stop();
    }
  });
});
