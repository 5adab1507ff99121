/**
 * Minimal typed shapes of the Kubernetes objects the test server serves.
 * Only the fields the Cilium status API reads (and a few that make the
 * objects look real) are spelled out; everything else is allowed.
 */

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  [key: string]: unknown;
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec?: any;
  status?: any;
  data?: Record<string, string>;
}

/** One served collection, e.g. `gateway.networking.k8s.io/v1 gateways`. */
export interface ResourceType {
  /** '' for the core group (`/api/v1`). */
  group: string;
  version: string;
  plural: string;
  kind: string;
  namespaced: boolean;
}

export interface KubeCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
  lastTransitionTime: string;
  observedGeneration?: number;
}

/** The resource types the test server knows, keyed `group/version/plural`. */
export const RESOURCE_TYPES: ResourceType[] = [
  {
    group: '',
    version: 'v1',
    plural: 'configmaps',
    kind: 'ConfigMap',
    namespaced: true,
  },
  {
    group: '',
    version: 'v1',
    plural: 'services',
    kind: 'Service',
    namespaced: true,
  },
  {
    group: '',
    version: 'v1',
    plural: 'namespaces',
    kind: 'Namespace',
    namespaced: false,
  },
  {
    group: 'apps',
    version: 'v1',
    plural: 'deployments',
    kind: 'Deployment',
    namespaced: true,
  },
  {
    group: 'gateway.networking.k8s.io',
    version: 'v1',
    plural: 'gateways',
    kind: 'Gateway',
    namespaced: true,
  },
  {
    group: 'gateway.networking.k8s.io',
    version: 'v1',
    plural: 'httproutes',
    kind: 'HTTPRoute',
    namespaced: true,
  },
  {
    group: 'gateway.networking.k8s.io',
    version: 'v1',
    plural: 'gatewayclasses',
    kind: 'GatewayClass',
    namespaced: false,
  },
  {
    group: 'cilium.io',
    version: 'v2',
    plural: 'ciliumnodes',
    kind: 'CiliumNode',
    namespaced: false,
  },
  {
    group: 'cilium.io',
    version: 'v2',
    plural: 'ciliumloadbalancerippools',
    kind: 'CiliumLoadBalancerIPPool',
    namespaced: false,
  },
  {
    group: 'cilium.io',
    version: 'v2',
    plural: 'ciliumbgpnodeconfigs',
    kind: 'CiliumBGPNodeConfig',
    namespaced: false,
  },
  {
    group: 'cilium.io',
    version: 'v2',
    plural: 'ciliumbgpclusterconfigs',
    kind: 'CiliumBGPClusterConfig',
    namespaced: false,
  },
  {
    group: 'cilium.io',
    version: 'v2',
    plural: 'ciliumnetworkpolicies',
    kind: 'CiliumNetworkPolicy',
    namespaced: true,
  },
  {
    group: 'cilium.io',
    version: 'v2',
    plural: 'ciliumclusterwidenetworkpolicies',
    kind: 'CiliumClusterwideNetworkPolicy',
    namespaced: false,
  },
  {
    group: 'networking.k8s.io',
    version: 'v1',
    plural: 'networkpolicies',
    kind: 'NetworkPolicy',
    namespaced: true,
  },
  {
    group: 'argoproj.io',
    version: 'v1alpha1',
    plural: 'applications',
    kind: 'Application',
    namespaced: true,
  },
];

export function resourceKey(group: string, version: string, plural: string) {
  return `${group}/${version}/${plural}`;
}

/** Finds the resource type of an object from its apiVersion and kind. */
export function resourceTypeOf(obj: KubeObject): ResourceType {
  const [group, version] = obj.apiVersion.includes('/')
    ? obj.apiVersion.split('/')
    : ['', obj.apiVersion];
  const type = RESOURCE_TYPES.find(
    t => t.group === group && t.version === version && t.kind === obj.kind,
  );
  if (!type) {
    throw new Error(`test server does not serve ${obj.apiVersion} ${obj.kind}`);
  }
  return type;
}
