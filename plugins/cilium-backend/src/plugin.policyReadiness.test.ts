import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { PolicyReadinessResponse } from '@internal/plugin-cilium-common';
import {
  AUTH,
  demoCluster,
  startPlugin,
  TestCluster,
} from './__testUtils__/testEnvironment';

const edgeLine = (e: PolicyReadinessResponse['wouldDrop']['egress'][number]) =>
  `${e.direction} ${e.source.workload ?? e.source.labels.join(',')} → ${
    e.destination.workload ?? e.destination.labels.join(',')
  }:${e.port}/${e.protocol} ×${e.count}`;

describe('policy readiness route', () => {
  let cluster: TestCluster;
  let noHubble: TestCluster;
  let started: Awaited<ReturnType<typeof startPlugin>>;

  beforeAll(async () => {
    cluster = await demoCluster('democluster1', {}, { hubble: true });
    noHubble = await demoCluster('democluster2');
    started = await startPlugin({
      clusters: [cluster, noHubble],
      cilium: { timeoutMs: 5_000 },
    });
  });
  afterAll(async () => {
    await started.backend.stop();
    await cluster.close();
    await noHubble.close();
  }, 30_000);
  afterEach(() => cluster.server.clearFaults());

  const get = (query: string, name = 'democluster1') =>
    started.http
      .get(`/api/cilium/clusters/${name}/policy-readiness${query}`)
      .set(AUTH);

  it('lists what a default-deny on tenant-jobs would newly drop, and a proposal the replay passes', async () => {
    const res = await get('?namespace=tenant-jobs');
    expect(res.status).toBe(200);
    const doc = res.body as PolicyReadinessResponse;
    expect(doc.errors).toEqual([]);
    expect(doc).toMatchObject({
      cluster: 'democluster1',
      namespace: 'tenant-jobs',
    });
    expect(doc.flowsConsidered).toBeGreaterThan(0);
    // The policies were read from the API server, all three kinds.
    const paths = cluster.server.requests.map(r => r.split('?')[0]);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/apis/cilium.io/v2/ciliumnetworkpolicies',
        '/apis/cilium.io/v2/ciliumclusterwidenetworkpolicies',
        '/apis/networking.k8s.io/v1/networkpolicies',
      ]),
    );
    // The worker is already default-deny on ingress and egress.
    const worker = doc.selectedEndpoints.find(e => e.workload === 'worker');
    expect(worker).toMatchObject({ ingress: true, egress: true });
    expect(worker!.byPolicies.map(p => p.name)).toEqual(
      expect.arrayContaining([
        'allow-scheduler-to-worker',
        'allow-worker-in-cluster',
      ]),
    );
    // The scheduler's egress is allowed by no default-deny today.
    expect(doc.wouldDrop.egress.map(edgeLine)).toEqual([
      'egress scheduler → reporting:8443/TCP ×1',
      'egress scheduler → worker:8080/TCP ×2',
    ]);
    expect(doc.wouldDrop.ingress).toEqual([]);
    expect(doc.proposal!.replay).toMatchObject({
      keptNewlyDropped: [],
      untickedDropped: [],
      valid: true,
    });
    expect(doc.proposal!.keptEdgeIds).toHaveLength(2);
  });

  it('drops an unticked edge in the replay and keeps the rest', async () => {
    const all = (await get('?namespace=tenant-jobs'))
      .body as PolicyReadinessResponse;
    const [toReporting, toWorker] = all.wouldDrop.egress;
    const res = await get(
      `?namespace=tenant-jobs&keep=${encodeURIComponent(toWorker.id)}`,
    );
    expect(res.status).toBe(200);
    const doc = res.body as PolicyReadinessResponse;
    expect(doc.proposal!.keptEdgeIds).toEqual([toWorker.id]);
    expect(doc.proposal!.replay.keptNewlyDropped).toEqual([]);
    expect(doc.proposal!.replay.untickedDropped.map(e => e.id)).toEqual([
      toReporting.id,
    ]);
  });

  it('answers 400 naming the parameter for a namespace that is not a DNS-1123 label', async () => {
    const res = await get('?namespace=Tenant_Jobs');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'Invalid query parameter \'namespace\': must be a DNS-1123 label: lower-case letters, digits and "-", starting and ending with a letter or digit',
    );
    const missing = await get('');
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain("'namespace'");
  });

  it('reports a failing policy source as its own error and evaluates the rest', async () => {
    cluster.server.setFault(
      '/apis/cilium.io/v2/ciliumclusterwidenetworkpolicies',
      {
        type: 'fail',
        status: 403,
        message: 'ciliumclusterwidenetworkpolicies.cilium.io is forbidden',
      },
    );
    const res = await get('?namespace=tenant-jobs');
    expect(res.status).toBe(200);
    const doc = res.body as PolicyReadinessResponse;
    expect(doc.errors).toEqual([
      expect.objectContaining({
        source: 'ciliumClusterwideNetworkPolicies',
        reason: 'forbidden',
      }),
    ]);
    // The other sources still count: the worker stays selected.
    expect(doc.wouldDrop.egress).toHaveLength(2);
    expect(
      doc.selectedEndpoints.find(e => e.workload === 'worker'),
    ).toMatchObject({ ingress: true, egress: true });
  });

  it('says no Hubble Relay is configured for a cluster without one', async () => {
    const res = await get('?namespace=tenant-jobs', 'democluster2');
    expect(res.status).toBe(200);
    const doc = res.body as PolicyReadinessResponse;
    expect(doc.errors).toEqual([
      expect.objectContaining({ source: 'hubble', reason: 'not-configured' }),
    ]);
    expect(doc.flowsConsidered).toBe(0);
    expect(doc.proposal).toBeUndefined();
  });

  it('answers 404 for a cluster that is not configured', async () => {
    expect((await get('?namespace=a', 'nope')).status).toBe(404);
  });
});

describe('policy readiness permission', () => {
  it('needs cilium.flows.read, like the flows routes, and reads nothing without it', async () => {
    const cluster = await demoCluster('democluster1', {}, { hubble: true });
    const permissions = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(r => ({
          result:
            (r as any).permission.name === 'cilium.flows.read'
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        })) as any,
    });
    const { http, backend } = await startPlugin({
      clusters: [cluster],
      features: [permissions.factory],
    });
    try {
      const res = await http
        .get(
          '/api/cilium/clusters/democluster1/policy-readiness?namespace=tenant-jobs',
        )
        .set(AUTH);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe(
        'Missing permission cilium.flows.read',
      );
      expect(cluster.server.requests).toEqual([]);
      expect(cluster.relay!.getFlowsRequests).toEqual([]);
    } finally {
      await backend.stop();
      await cluster.close();
    }
  });
});
