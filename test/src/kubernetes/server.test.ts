import * as k8s from '@kubernetes/client-node';
import { startKubernetesTestServer, KubernetesTestServer } from './server';
import { demoClusterObjects } from './fixtures/demoClusters';
import { generateClusterObjects } from './fixtures/generate';

function kubeConfig(server: KubernetesTestServer, token = server.token) {
  const kc = new k8s.KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'c', server: server.url, skipTLSVerify: true }],
    users: [{ name: 'u', token }],
    contexts: [{ name: 'c', cluster: 'c', user: 'u' }],
    currentContext: 'c',
  });
  return kc;
}

describe('Kubernetes API test server', () => {
  let server: KubernetesTestServer;

  beforeAll(async () => {
    server = await startKubernetesTestServer({
      objects: demoClusterObjects('democluster1'),
    });
  });
  afterAll(() => server.close());
  afterEach(() => {
    server.clearFaults();
    server.resetCounts();
  });

  it('answers @kubernetes/client-node list calls with the real list shape', async () => {
    const api = kubeConfig(server).makeApiClient(k8s.CustomObjectsApi);
    const list = await api.listClusterCustomObject({
      group: 'gateway.networking.k8s.io',
      version: 'v1',
      plural: 'gateways',
    });
    expect(list.kind).toBe('GatewayList');
    expect(list.apiVersion).toBe('gateway.networking.k8s.io/v1');
    expect(list.metadata.resourceVersion).toBeDefined();
    expect(list.items.map((g: any) => g.metadata.name)).toEqual([
      'bookinfo-tls',
      'echo',
      'jobs-app',
      'hubble-ui',
    ]);
    const apps = await api.listNamespacedCustomObject({
      group: 'argoproj.io',
      version: 'v1alpha1',
      namespace: 'argocd',
      plural: 'applications',
    });
    expect(apps.kind).toBe('ApplicationList');
    expect(
      server.requestCount(
        '/apis/argoproj.io/v1alpha1/namespaces/argocd/applications',
      ),
    ).toBe(1);
  });

  it('serves typed core objects and /version', async () => {
    const kc = kubeConfig(server);
    const cm = await kc.makeApiClient(k8s.CoreV1Api).readNamespacedConfigMap({
      name: 'cilium-config',
      namespace: 'kube-system',
    });
    expect(cm.data?.['cluster-name']).toBe('democluster1');
    const dep = await kc.makeApiClient(k8s.AppsV1Api).readNamespacedDeployment({
      name: 'clustermesh-apiserver',
      namespace: 'kube-system',
    });
    expect(dep.status?.readyReplicas).toBe(1);
    const version = await kc.makeApiClient(k8s.VersionApi).getCode();
    expect(version.gitVersion).toBe('v1.33.2');
  });

  it('pages with limit and continue', async () => {
    const big = await startKubernetesTestServer({
      objects: generateClusterObjects('big', 3, {
        gateways: 10,
        routes: 25,
        nodes: 3,
      }),
    });
    try {
      const api = kubeConfig(big).makeApiClient(k8s.CustomObjectsApi);
      const names: string[] = [];
      let next: string | undefined;
      do {
        const page = await api.listClusterCustomObject({
          group: 'gateway.networking.k8s.io',
          version: 'v1',
          plural: 'httproutes',
          limit: 10,
          _continue: next,
        });
        names.push(...page.items.map((r: any) => r.metadata.name));
        next = page.metadata.continue || undefined;
      } while (next);
      expect(names).toHaveLength(25);
      expect(new Set(names).size).toBe(25);
      expect(
        big.requestCount('/apis/gateway.networking.k8s.io/v1/httproutes'),
      ).toBe(3);
    } finally {
      await big.close();
    }
  });

  it('rejects a wrong bearer token with a 401 Status', async () => {
    const api = kubeConfig(server, 'wrong').makeApiClient(k8s.CustomObjectsApi);
    await expect(
      api.listClusterCustomObject({
        group: 'cilium.io',
        version: 'v2',
        plural: 'ciliumnodes',
      }),
    ).rejects.toMatchObject({ code: 401 });
  });

  it('fails, delays and hangs paths on request', async () => {
    const api = kubeConfig(server).makeApiClient(k8s.CustomObjectsApi);
    const path = '/apis/cilium.io/v2/ciliumnodes';
    server.setFault(path, { type: 'fail', status: 403 });
    await expect(
      api.listClusterCustomObject({
        group: 'cilium.io',
        version: 'v2',
        plural: 'ciliumnodes',
      }),
    ).rejects.toMatchObject({ code: 403 });

    server.setFault(path, { type: 'delay', ms: 150 });
    const started = Date.now();
    await api.listClusterCustomObject({
      group: 'cilium.io',
      version: 'v2',
      plural: 'ciliumnodes',
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);

    server.setFault(path, { type: 'hang' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    await expect(
      api.listClusterCustomObject(
        { group: 'cilium.io', version: 'v2', plural: 'ciliumnodes' },
        {
          middleware: [
            {
              pre: ctx => {
                ctx.setSignal(controller.signal as any);
                return new k8s.Observable(Promise.resolve(ctx));
              },
              post: r => new k8s.Observable(Promise.resolve(r)),
            },
          ],
          middlewareMergeStrategy: 'append',
        },
      ),
    ).rejects.toThrow(/abort/i);
    expect(server.requestCount(path)).toBe(3);
  });
});
