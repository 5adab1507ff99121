import {
  CiliumNodeInfo,
  ClusterStatus,
  GatewayCounts,
  GatewayInfo,
  HttpRouteCounts,
  HttpRouteInfo,
} from '@internal/plugin-cilium-common';

const CILIUM = 'io.cilium/gateway-controller';
const T = '2026-11-26T09:00:00Z';

export const gateways: GatewayInfo[] = [
  {
    namespace: 'infra-gateway',
    name: 'public',
    gatewayClassName: 'cilium',
    addresses: ['203.0.113.10'],
    listeners: [
      {
        name: 'https',
        protocol: 'HTTPS',
        port: 443,
        hostname: '*.shop.example.com',
        certificateRefs: ['shop-tls'],
        attachedRoutes: 2,
        conditions: [
          { type: 'Accepted', status: 'True', reason: 'Accepted' },
          { type: 'Programmed', status: 'True', reason: 'Programmed' },
        ],
      },
      {
        name: 'http',
        protocol: 'HTTP',
        port: 80,
        certificateRefs: [],
        attachedRoutes: 1,
        conditions: [{ type: 'Accepted', status: 'True', reason: 'Accepted' }],
      },
    ],
    conditions: [
      {
        type: 'Accepted',
        status: 'True',
        reason: 'Accepted',
        message: 'Gateway successfully scheduled',
        lastTransitionTime: T,
      },
      {
        type: 'Programmed',
        status: 'True',
        reason: 'Programmed',
        message: 'Gateway successfully reconciled',
        lastTransitionTime: T,
      },
    ],
    createdAt: T,
  },
  {
    namespace: 'tenant-jobs',
    name: 'internal',
    gatewayClassName: 'cilium',
    addresses: [],
    listeners: [
      {
        name: 'http',
        protocol: 'HTTP',
        port: 8080,
        certificateRefs: [],
        attachedRoutes: 0,
        conditions: [],
      },
    ],
    conditions: [
      { type: 'Accepted', status: 'True', reason: 'Accepted' },
      {
        type: 'Programmed',
        status: 'False',
        reason: 'AddressNotAssigned',
        message: 'No addresses have been assigned to the Gateway',
      },
    ],
  },
];

export const checkoutRoute: HttpRouteInfo = {
  namespace: 'shop',
  name: 'checkout',
  hostnames: ['checkout.shop.example.com'],
  parentRefs: [
    { name: 'public', namespace: 'infra-gateway', sectionName: 'https' },
  ],
  parents: [
    {
      parentRef: {
        group: 'gateway.networking.k8s.io',
        kind: 'Gateway',
        name: 'public',
        namespace: 'infra-gateway',
        sectionName: 'https',
      },
      controllerName: CILIUM,
      conditions: [
        {
          type: 'Accepted',
          status: 'True',
          reason: 'Accepted',
          message: 'Accepted HTTPRoute',
        },
        {
          type: 'ResolvedRefs',
          status: 'True',
          reason: 'ResolvedRefs',
          message: 'Service reference is valid',
        },
      ],
    },
  ],
  rules: [
    {
      matches: [
        {
          path: { type: 'PathPrefix', value: '/api' },
          headers: [{ type: 'Exact', name: 'x-canary', value: 'true' }],
          method: 'GET',
        },
      ],
      filters: [
        {
          type: 'RequestHeaderModifier',
          requestHeaderModifier: {
            add: [{ name: 'some-header', value: 'This is fun' }],
            set: [{ name: 'user-agent', value: 'Mozilla/5.0' }],
            remove: ['x-debug'],
          },
        },
      ],
      backendRefs: [
        { kind: 'Service', name: 'checkout-v1', port: 8080, weight: 90 },
        { kind: 'Service', name: 'checkout-v2', port: 8080, weight: 10 },
      ],
    },
  ],
  createdAt: T,
};

export const brokenRoute: HttpRouteInfo = {
  namespace: 'tenant-jobs',
  name: 'jobs-api',
  hostnames: [],
  parentRefs: [{ name: 'public', namespace: 'infra-gateway' }],
  parents: [
    {
      parentRef: { name: 'public', namespace: 'infra-gateway' },
      controllerName: CILIUM,
      conditions: [
        { type: 'Accepted', status: 'True', reason: 'Accepted' },
        {
          type: 'ResolvedRefs',
          status: 'False',
          reason: 'BackendNotFound',
          message: 'Service "backend" not found',
        },
      ],
    },
  ],
  rules: [
    {
      matches: [{ path: { type: 'Exact', value: '/jobs' } }],
      filters: [
        {
          type: 'ResponseHeaderModifier',
          responseHeaderModifier: {
            set: [{ name: 'cache-control', value: 'no-store' }],
          },
        },
        {
          type: 'URLRewrite',
          urlRewrite: {
            path: { type: 'ReplacePrefixMatch', value: '/v2/jobs' },
          },
        },
      ],
      backendRefs: [{ name: 'backend', port: 80, weight: 1 }],
    },
  ],
};

/** The HTTPRoutes of {@link clusterStatus} (served in pages). */
export const httpRoutes: HttpRouteInfo[] = [checkoutRoute, brokenRoute];

/** `count` generated routes (`route-00001` ...), for paging and speed tests. */
export function manyRoutes(count: number): HttpRouteInfo[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(5, '0');
    return {
      ...checkoutRoute,
      namespace: `team-${i % 50}`,
      name: `route-${n}`,
      hostnames: [`svc-${n}.shop.example.com`],
    };
  });
}

/** `count` Gateways gw-001…, in namespaces edge-0…edge-9, each with one address. */
export function manyGateways(count: number): GatewayInfo[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(3, '0');
    return {
      ...gateways[0],
      namespace: `edge-${i % 10}`,
      name: `gw-${n}`,
      addresses: [`198.51.100.${i % 250}`],
      gatewayClassName: i % 2 === 0 ? 'cilium' : 'cilium-internal',
    };
  });
}

/** `count` CiliumNodes node-001…, InternalIP 10.1.<i>.<i>. */
export function manyNodes(count: number): CiliumNodeInfo[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `node-${String(i + 1).padStart(3, '0')}`,
    addresses: [{ type: 'InternalIP', ip: `10.1.${i}.${i}` }],
    podCIDRs: [`10.244.${i}.0/24`],
    ipsUsed: i,
    labels: {},
  }));
}

export const clusterStatus: ClusterStatus = {
  cluster: 'prod-eu-1',
  generatedAt: '2026-11-26T10:00:00Z',
  ciliumConfig: {
    clusterName: 'prod-eu-1',
    clusterId: 1,
    routingMode: 'native',
    kubeProxyReplacement: true,
    identityAllocationMode: 'crd',
    maxConnectedClusters: 255,
    enableGatewayApi: true,
    enableBgpControlPlane: true,
    enableHubble: true,
    version: '1.19.4',
  },
  gatewayClasses: [
    {
      name: 'cilium',
      controllerName: CILIUM,
      conditions: [{ type: 'Accepted', status: 'True', reason: 'Accepted' }],
    },
  ],
  // The Gateways and routes themselves are paged (mockCiliumApi serves them).
  gatewayCounts: { total: 2, notAccepted: 0, notProgrammed: 1 },
  httpRouteCounts: { total: 2, notAccepted: 0, unresolvedRefs: 1 },
  ciliumNodes: [
    {
      name: 'prod-eu-1-worker-a',
      addresses: [
        { type: 'InternalIP', ip: '10.0.1.11' },
        { type: 'CiliumInternalIP', ip: '10.244.1.7' },
      ],
      podCIDRs: ['10.244.1.0/24'],
      ipsUsed: 23,
      labels: {},
    },
    {
      name: 'prod-eu-1-worker-b',
      addresses: [
        { type: 'InternalIP', ip: '10.0.1.12' },
        { type: 'CiliumInternalIP', ip: '10.244.2.9' },
      ],
      podCIDRs: ['10.244.2.0/24'],
      ipsUsed: 17,
      labels: {},
    },
  ],
  lbIpPools: [
    {
      name: 'public-pool',
      blocks: ['203.0.113.8/29'],
      disabled: false,
      ipsTotal: 8,
      ipsAvailable: 5,
      ipsUsed: 3,
      conditions: [
        { type: 'cilium.io/IPsTotal', status: 'Unknown', message: '8' },
        { type: 'cilium.io/IPsAvailable', status: 'Unknown', message: '5' },
        { type: 'cilium.io/IPsUsed', status: 'Unknown', message: '3' },
        { type: 'cilium.io/PoolConflict', status: 'False' },
      ],
    },
    {
      name: 'mesh-pool',
      blocks: ['203.0.113.20-203.0.113.21'],
      disabled: false,
      ipsTotal: 2,
      ipsAvailable: 0,
      ipsUsed: 2,
      conditions: [
        { type: 'cilium.io/IPsTotal', status: 'Unknown', message: '2' },
        { type: 'cilium.io/IPsAvailable', status: 'Unknown', message: '0' },
        { type: 'cilium.io/IPsUsed', status: 'Unknown', message: '2' },
        { type: 'cilium.io/PoolConflict', status: 'False' },
      ],
    },
    {
      name: 'reserved-pool',
      blocks: ['198.51.100.0/30'],
      disabled: true,
      conditions: [],
    },
  ],
  bgp: {
    clusterConfigs: ['bgp-tor'],
    peers: [
      {
        node: 'prod-eu-1-worker-a',
        instance: 'instance-65010',
        peerName: 'tor-a',
        peerAddress: '10.0.1.1',
        peerASN: 65000,
        localASN: 65010,
        sessionState: 'established',
        establishedSeconds: 7_500,
      },
      {
        node: 'prod-eu-1-worker-b',
        instance: 'instance-65010',
        peerName: 'tor-a',
        peerAddress: '10.0.1.1',
        peerASN: 65000,
        localASN: 65010,
        sessionState: 'active',
      },
    ],
  },
  clusterMesh: {
    localName: 'prod-eu-1',
    localId: 1,
    enabled: true,
    maxConnectedClusters: 255,
    apiserver: {
      serviceType: 'LoadBalancer',
      address: '203.0.113.20:2379',
      replicas: 2,
      readyReplicas: 2,
      kvstoremesh: true,
    },
    peers: [
      { name: 'prod-us-1', ready: true, source: 'hubble', connectedNodes: 3 },
      {
        name: 'staging-eu-1',
        ready: false,
        source: 'hubble',
        connectedNodes: 0,
        message: 'no nodes of staging-eu-1 seen by Hubble Relay',
      },
    ],
    externalWorkloadsSupported: false,
  },
  argocd: {
    applications: [
      {
        namespace: 'argocd',
        name: 'prod-eu-1-cilium',
        project: 'platform',
        syncStatus: 'Synced',
        healthStatus: 'Healthy',
        revision: '4f5a68e2c1d0',
        targetRevision: 'main',
        repoURL: 'https://github.com/example/prod-eu-1-gitops',
        conditions: [],
        url: 'https://argocd.example.com/applications/argocd/prod-eu-1-cilium',
      },
      {
        namespace: 'argocd',
        name: 'prod-eu-1-gateways',
        project: 'platform',
        syncStatus: 'OutOfSync',
        healthStatus: 'Degraded',
        healthMessage: 'Deployment "echo" exceeded its progress deadline',
        revision: '1536516a9b8c',
        conditions: [],
      },
    ],
  },
  hubble: {
    healthy: true,
    numFlows: 8190,
    maxFlows: 8190,
    seenFlows: 412345,
    uptimeNs: 3_600_000_000_000,
    flowsPerSecond: 12.34,
    numConnectedNodes: 3,
    numUnavailableNodes: 0,
    unavailableNodes: [],
    version: '1.19.4',
    nodes: [],
    text: [
      'Healthcheck (via hubble-relay.kube-system.svc:80): Ok',
      'Current/Max Flows: 8,190/8,190 (100.00%)',
      'Flows/s: 12.34',
      'Connected Nodes: 3/3',
    ].join('\n'),
  },
  errors: [],
};

const notTrue = (
  conditions: { type: string; status: string }[],
  type: string,
) => conditions.find(c => c.type === type)?.status !== 'True';

/**
 * Counts of fixture Gateways as the status document carries them (every
 * fixture Gateway is Cilium's).
 */
export function gatewayCountsOf(items: GatewayInfo[]): GatewayCounts {
  return {
    total: items.length,
    notAccepted: items.filter(g => notTrue(g.conditions, 'Accepted')).length,
    notProgrammed: items.filter(g => notTrue(g.conditions, 'Programmed'))
      .length,
  };
}

/**
 * Counts of fixture HTTPRoutes as the status document carries them (every
 * parent of a fixture route is Cilium's).
 */
export function httpRouteCountsOf(items: HttpRouteInfo[]): HttpRouteCounts {
  const some = (r: HttpRouteInfo, type: string) =>
    r.parents.some(p => notTrue(p.conditions, type));
  return {
    total: items.length,
    notAccepted: items.filter(r => some(r, 'Accepted')).length,
    unresolvedRefs: items.filter(r => some(r, 'ResolvedRefs')).length,
  };
}
