import {
  ClustersResponse,
  ClusterStatus,
  GatewaysPage,
  HttpRoutesPage,
  MeshOverview,
} from '@internal/plugin-cilium-common';
import {
  AUTH,
  demoCluster,
  startPlugin,
  TestCluster,
} from './__testUtils__/testEnvironment';

describe('cilium backend plugin', () => {
  let clusters: TestCluster[];
  let http: Awaited<ReturnType<typeof startPlugin>>['http'];
  let stop: () => Promise<void>;

  beforeAll(async () => {
    clusters = [
      await demoCluster('democluster1'),
      await demoCluster('democluster2'),
    ];
    const started = await startPlugin({ clusters });
    http = started.http;
    stop = () => started.backend.stop();
  });
  afterAll(async () => {
    await stop();
    await Promise.all(clusters.map(c => c.close()));
  });

  it('lists the configured clusters with reachability', async () => {
    const res = await http.get('/api/cilium/clusters').set(AUTH);
    expect(res.status).toBe(200);
    const body = res.body as ClustersResponse;
    expect(body.items).toEqual([
      {
        name: 'democluster1',
        reachable: true,
        kubernetesVersion: 'v1.33.2',
        hubbleConfigured: false,
        argocdBaseUrl: 'https://argocd.democluster1.example.com',
      },
      {
        name: 'democluster2',
        reachable: true,
        kubernetesVersion: 'v1.33.2',
        hubbleConfigured: false,
        argocdBaseUrl: 'https://argocd.democluster2.example.com',
      },
    ]);
  });

  it('returns the status document of a cluster', async () => {
    const res = await http
      .get('/api/cilium/clusters/democluster1/status')
      .set(AUTH);
    expect(res.status).toBe(200);
    const s = res.body as ClusterStatus;
    expect(s.cluster).toBe('democluster1');
    expect(s.ciliumConfig).toMatchObject({
      clusterName: 'democluster1',
      clusterId: 1,
      routingMode: 'tunnel',
      tunnelProtocol: 'vxlan',
      kubeProxyReplacement: true,
      identityAllocationMode: 'crd',
      maxConnectedClusters: 255,
      version: '1.19.4',
    });
    expect(s.gatewayClasses).toEqual([
      expect.objectContaining({
        name: 'cilium',
        controllerName: 'io.cilium/gateway-controller',
      }),
    ]);

    // Gateways and HTTPRoutes are counted here and paged by their routes.
    expect(s.gatewayCounts).toEqual({
      total: 4,
      notAccepted: 0,
      notProgrammed: 1,
    });
    expect(s.httpRouteCounts).toEqual({
      total: 5,
      notAccepted: 0,
      unresolvedRefs: 1,
    });

    expect(s.ciliumNodes).toHaveLength(3);
    const edge = s.ciliumNodes!.find(n => n.name === 'democluster1-edge-vm')!;
    expect(edge).toMatchObject({
      instanceId: 'i-014f9a8b7c6d5e4f3a',
      podCIDRs: ['10.1.2.0/24'],
      addresses: [
        { type: 'InternalIP', ip: '192.168.1.10' },
        { type: 'CiliumInternalIP', ip: '10.1.2.1' },
      ],
      ipsUsed: 2,
    });
    expect(s.lbIpPools).toEqual([
      expect.objectContaining({
        name: 'default-pool',
        blocks: ['172.18.1.200/29'],
        ipsTotal: 8,
        ipsAvailable: 5,
        ipsUsed: 3,
      }),
    ]);
    expect(s.bgp).toEqual({
      clusterConfigs: ['cilium-bgp'],
      peers: [
        expect.objectContaining({
          node: 'democluster1-control-plane',
          peerAddress: '172.18.0.1',
          peerASN: 65000,
          localASN: 65001,
          sessionState: 'established',
          establishedAt: expect.stringMatching(
            /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
          ),
        }),
        expect.objectContaining({
          node: 'democluster1-worker',
          sessionState: 'active',
        }),
      ],
    });
    // Uptime: from the RFC 3339 establishedTime (a day before the test
    // server started) to the read.
    const up = s.bgp!.peers[0].establishedSeconds!;
    expect(up).toBeGreaterThanOrEqual(86400);
    expect(up).toBeLessThan(86400 + 120);
    expect(s.clusterMesh).toMatchObject({
      localName: 'democluster1',
      localId: 1,
      enabled: true,
      maxConnectedClusters: 255,
      apiserver: {
        serviceType: 'LoadBalancer',
        address: '172.18.1.240:2379',
        replicas: 1,
        readyReplicas: 1,
        kvstoremesh: true,
      },
      externalWorkloadsSupported: false,
      peers: [{ name: 'democluster2', ready: null, source: 'none' }],
    });

    const apps = s.argocd!.applications;
    expect(apps.map(a => [a.name, a.syncWave])).toEqual([
      ['cilium', -10],
      ['cert-manager', -5],
      ['gateway-api-crds', -5],
      ['hubble-ui', 0],
      ['echo', 4],
      ['bookinfo', 10],
      ['jobs-app', 10],
    ]);
    expect(apps.find(a => a.name === 'hubble-ui')).toMatchObject({
      syncStatus: 'OutOfSync',
      healthStatus: 'Degraded',
      healthMessage: 'Deployment "hubble-ui" exceeded its progress deadline',
      revision: '3f9c2d1e8b7a6c5d4e3f2a1b0c9d8e7f6a5b4c3d',
      conditions: [
        {
          type: 'SyncError',
          message: expect.stringContaining('Failed sync attempt'),
        },
      ],
      url: 'https://argocd.democluster1.example.com/applications/argocd/hubble-ui',
    });
    expect(s.errors).toEqual([
      expect.objectContaining({ source: 'hubble', reason: 'not-configured' }),
    ]);
  });

  it('pages the Gateways and HTTPRoutes of the status document', async () => {
    const [status, gwRes, routeRes] = await Promise.all([
      http.get('/api/cilium/clusters/democluster1/status').set(AUTH),
      http
        .get('/api/cilium/clusters/democluster1/gateways?limit=100')
        .set(AUTH),
      http
        .get('/api/cilium/clusters/democluster1/httproutes?limit=100')
        .set(AUTH),
    ]);
    expect([gwRes.status, routeRes.status]).toEqual([200, 200]);
    const gw = gwRes.body as GatewaysPage;
    const routes = routeRes.body as HttpRoutesPage;
    expect(status.body.httpRouteCounts.total).toBe(routes.count);
    expect(gw).toMatchObject({
      cluster: 'democluster1',
      query: { offset: 0, limit: 100 },
      total: 4,
      count: 4,
    });
    // Sorted by namespace, then name.
    expect(routes.items.map(r => `${r.namespace}/${r.name}`)).toEqual(
      [...routes.items.map(r => `${r.namespace}/${r.name}`)].sort(),
    );
    const s = { gateways: gw.items, httpRoutes: routes.items };

    const bookinfo = s.gateways!.find(g => g.name === 'bookinfo-tls')!;
    expect(bookinfo.addresses).toEqual(['172.18.1.200']);
    expect(
      bookinfo.listeners.map(l => [
        l.name,
        l.protocol,
        l.port,
        l.hostname,
        l.certificateRefs,
        l.attachedRoutes,
      ]),
    ).toEqual([
      [
        'https-bookinfo',
        'HTTPS',
        443,
        'bookinfo.democluster1.example.com',
        ['bookinfo-tls'],
        1,
      ],
      [
        'https-reviews',
        'HTTPS',
        443,
        'reviews.democluster1.example.com',
        ['reviews-tls'],
        1,
      ],
    ]);
    const hubbleUi = s.gateways!.find(g => g.name === 'hubble-ui')!;
    expect(
      hubbleUi.conditions.find(c => c.type === 'Programmed'),
    ).toMatchObject({
      status: 'False',
      reason: 'AddressNotAssigned',
    });

    const productpage = s.httpRoutes!.find(
      r => r.name === 'bookinfo-productpage',
    )!;
    // Only the Cilium controller's parent status is shown.
    expect(productpage.parents.map(p => p.controllerName)).toEqual([
      'io.cilium/gateway-controller',
    ]);
    expect(
      productpage.parents[0].conditions.map(c => `${c.type}=${c.status}`),
    ).toEqual(['Accepted=True', 'ResolvedRefs=True']);
    const echo = s.httpRoutes!.find(r => r.name === 'echo')!;
    expect(echo.rules[0].filters[0]).toEqual({
      type: 'RequestHeaderModifier',
      requestHeaderModifier: {
        add: [{ name: 'some-header', value: 'This is fantastic' }],
        set: [
          {
            name: 'user-agent',
            value: 'Mozilla/5.0 (cilium-gitops echo demo)',
          },
        ],
      },
    });
    expect(echo.rules[0].backendRefs.map(b => [b.name, b.weight])).toEqual([
      ['echo-1', 100],
      ['echo-2', 0],
    ]);
    const jobs = s.httpRoutes!.find(r => r.name === 'jobs-app')!;
    expect(jobs.rules[0].matches[0]).toEqual({
      path: { type: 'PathPrefix', value: '/api' },
      method: 'GET',
    });
    expect(jobs.rules[1].backendRefs[0].weight).toBe(1); // default weight
    expect(jobs.parents[0].conditions[1]).toMatchObject({
      reason: 'BackendNotFound',
    });
  });
  it('returns the mesh overview across all clusters', async () => {
    const res = await http.get('/api/cilium/mesh').set(AUTH);
    expect(res.status).toBe(200);
    const mesh = res.body as MeshOverview;
    expect(
      mesh.clusters.map(c => [
        c.name,
        c.reachable,
        c.clusterId,
        c.peers.map(p => p.name),
      ]),
    ).toEqual([
      ['democluster1', true, 1, ['democluster2']],
      ['democluster2', true, 2, ['democluster1']],
    ]);
  });

  it('answers flows with a not-configured error when the cluster has no relay', async () => {
    const res = await http
      .get('/api/cilium/clusters/democluster1/flows?last=5')
      .set(AUTH);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      cluster: 'democluster1',
      query: { last: 5 },
      flows: [],
      error: { source: 'hubble', reason: 'not-configured' },
    });
  });

  it('answers 404 for a cluster that is not configured', async () => {
    const res = await http.get('/api/cilium/clusters/nope/status').set(AUTH);
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({
      name: 'NotFoundError',
      message: "No cluster named 'nope' is configured",
    });
  });

  it.each([
    '/clusters',
    '/clusters/democluster1/status',
    '/clusters/democluster1/flows',
    '/clusters/democluster1/gateways',
    '/clusters/democluster1/httproutes',
    '/mesh',
  ])('answers 401 without credentials on %s', async path => {
    const before = clusters[0].server.totalRequests();
    const res = await http.get(`/api/cilium${path}`);
    expect(res.status).toBe(401);
    expect(clusters[0].server.totalRequests()).toBe(before);
  });
});
