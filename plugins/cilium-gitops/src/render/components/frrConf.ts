import type { BgpRouter, ClusterSpec } from '../../spec/types';
import type { RenderedFile } from '../types';

/**
 * `router/frr.conf` for the upstream FRR router of the recipe: typed data
 * first, then printed line by line in FRR's own syntax (this is not YAML).
 */

export interface PrefixListEntry {
  seq: number;
  action: 'permit' | 'deny';
  prefix: string;
  le?: number;
}

export interface RouteMapEntry {
  seq: number;
  action: 'permit' | 'deny';
  matchPrefixList?: string;
}

export interface NeighborPolicy {
  routeMapIn: string;
  routeMapOut: string;
}

export interface StaticRoute {
  prefix: string;
  nexthop: string;
}

export interface FrrConfig {
  hostname: string;
  asn: number;
  routerId: string;
  /** The cluster's nodes: one peer group, explicit neighbors and a listen range. */
  clusterPeerGroup: NeighborPolicy & {
    name: string;
    remoteAs: number;
    listenRange: string;
    neighbors: string[];
  };
  upstream?: NeighborPolicy & { address: string; remoteAs: number };
  /** `ip route` lines: the service CIDR through every worker (ECMP). */
  staticRoutes: StaticRoute[];
  /** `network` statements of the IPv4 unicast family. */
  networks: string[];
  prefixLists: Record<string, PrefixListEntry[]>;
  routeMaps: Record<string, RouteMapEntry[]>;
}

export const FRR_CONF_PATH = 'router/frr.conf';

/**
 * The FRR configuration for the spec's router: accept LB IPs and pod CIDRs
 * from the nodes; pass upstream the LB pools, plus pod CIDRs with native
 * routing. With an external control plane (the recipe's setup) the API
 * server reaches ClusterIPs (admission webhooks) through this router: static
 * routes send the service CIDR to every worker (`bpf.lbExternalClusterIP`
 * lets any node answer for any ClusterIP), and the service and worker CIDRs
 * are announced and exported upstream. With Cluster Mesh peers the worker
 * CIDR is announced too, so the clusters' nodes reach each other (tunnel
 * endpoints) through the upstream.
 */
export function buildFrrConfig(
  spec: ClusterSpec,
  router: BgpRouter,
): FrrConfig {
  const { network, bgp, controlPlane, clusterMesh } = spec.spec;
  const external = controlPlane.external;
  const announceWorkers = external || clusterMesh.peers.length > 0;
  const lbPools = network.loadBalancerPools.map((pool, i) => ({
    seq: (i + 1) * 10,
    action: 'permit' as const,
    prefix: pool.cidr,
    le: 32,
  }));
  const upstreamOut: RouteMapEntry[] = [
    { seq: 10, action: 'permit', matchPrefixList: 'CILIUM-LB-POOLS' },
  ];
  if (network.routingMode === 'native') {
    upstreamOut.push({
      seq: 20,
      action: 'permit',
      matchPrefixList: 'CILIUM-POD-CIDRS',
    });
  }
  if (external) {
    upstreamOut.push({
      seq: 30,
      action: 'permit',
      matchPrefixList: 'CLUSTER-SERVICE-CIDR',
    });
  }
  if (announceWorkers) {
    upstreamOut.push({
      seq: 40,
      action: 'permit',
      matchPrefixList: 'WORKER-NODES',
    });
  }
  upstreamOut.push({ seq: 100, action: 'deny' });
  return {
    hostname: router.hostname,
    asn: router.asn,
    routerId: router.routerId,
    clusterPeerGroup: {
      name: 'CILIUM',
      remoteAs: bgp?.localASN ?? router.asn,
      listenRange: router.workerNodeCIDR,
      neighbors: [...router.workerNodes],
      routeMapIn: 'CILIUM-IN',
      routeMapOut: 'CILIUM-OUT',
    },
    ...(router.upstream && {
      upstream: {
        address: router.upstream.address,
        remoteAs: router.upstream.asn,
        routeMapIn: 'UPSTREAM-IN',
        routeMapOut: 'UPSTREAM-OUT',
      },
    }),
    staticRoutes: external
      ? router.workerNodes.map(nexthop => ({
          prefix: network.serviceCIDR,
          nexthop,
        }))
      : [],
    networks: [
      ...(external ? [network.serviceCIDR] : []),
      ...(announceWorkers ? [router.workerNodeCIDR] : []),
    ],
    prefixLists: {
      'CILIUM-LB-POOLS': lbPools,
      'CILIUM-POD-CIDRS': [
        { seq: 10, action: 'permit', prefix: network.podCIDR, le: 32 },
      ],
      ...(external && {
        'CLUSTER-SERVICE-CIDR': [
          { seq: 10, action: 'permit' as const, prefix: network.serviceCIDR },
        ],
      }),
      ...(announceWorkers && {
        'WORKER-NODES': [
          {
            seq: 10,
            action: 'permit' as const,
            prefix: router.workerNodeCIDR,
          },
        ],
      }),
    },
    routeMaps: {
      'CILIUM-IN': [
        { seq: 10, action: 'permit', matchPrefixList: 'CILIUM-LB-POOLS' },
        { seq: 20, action: 'permit', matchPrefixList: 'CILIUM-POD-CIDRS' },
        { seq: 100, action: 'deny' },
      ],
      'CILIUM-OUT': [{ seq: 100, action: 'deny' }],
      ...(router.upstream && {
        'UPSTREAM-IN': [{ seq: 10, action: 'permit' }],
        'UPSTREAM-OUT': upstreamOut,
      }),
    },
  };
}

function prefixListLines(name: string, entries: PrefixListEntry[]): string[] {
  return entries.map(
    e =>
      `ip prefix-list ${name} seq ${e.seq} ${e.action} ${e.prefix}${
        e.le ? ` le ${e.le}` : ''
      }`,
  );
}

function routeMapLines(name: string, entries: RouteMapEntry[]): string[] {
  return entries.flatMap(e => [
    `route-map ${name} ${e.action} ${e.seq}`,
    ...(e.matchPrefixList
      ? [` match ip address prefix-list ${e.matchPrefixList}`]
      : []),
    'exit',
  ]);
}

/** FRR syntax, one statement a line, `!` between sections. */
export function printFrrConfig(config: FrrConfig, header: string[]): string {
  const group = config.clusterPeerGroup;
  const up = config.upstream;
  const lines: string[] = [
    ...header.map(h => `! ${h}`.trimEnd()),
    '!',
    'frr defaults traditional',
    `hostname ${config.hostname}`,
    'log syslog informational',
    'service integrated-vtysh-config',
    '!',
    ...Object.entries(config.prefixLists).flatMap(([name, entries]) =>
      prefixListLines(name, entries),
    ),
    '!',
    ...Object.entries(config.routeMaps).flatMap(([name, entries]) =>
      routeMapLines(name, entries),
    ),
    '!',
    ...(config.staticRoutes.length
      ? [
          ...config.staticRoutes.map(r => `ip route ${r.prefix} ${r.nexthop}`),
          '!',
        ]
      : []),
    `router bgp ${config.asn}`,
    ` bgp router-id ${config.routerId}`,
    ` neighbor ${group.name} peer-group`,
    ` neighbor ${group.name} remote-as ${group.remoteAs}`,
    ` bgp listen range ${group.listenRange} peer-group ${group.name}`,
    ...group.neighbors.map(n => ` neighbor ${n} peer-group ${group.name}`),
    ...(up
      ? [
          ` neighbor ${up.address} remote-as ${up.remoteAs}`,
          ` neighbor ${up.address} description upstream`,
        ]
      : []),
    ' !',
    ' address-family ipv4 unicast',
    ...config.networks.map(n => `  network ${n}`),
    `  neighbor ${group.name} route-map ${group.routeMapIn} in`,
    `  neighbor ${group.name} route-map ${group.routeMapOut} out`,
    ...(up
      ? [
          `  neighbor ${up.address} route-map ${up.routeMapIn} in`,
          `  neighbor ${up.address} route-map ${up.routeMapOut} out`,
        ]
      : []),
    ' exit-address-family',
    'exit',
    '!',
  ];
  return `${lines.join('\n')}\n`;
}

export function frrConfFile(
  spec: ClusterSpec,
  router: BgpRouter,
): RenderedFile {
  // The renderer core prepends its generated-file header (`#` lines, comments to FRR too).
  const header = [
    `FRR configuration for ${router.hostname}, the upstream BGP router of cluster ${spec.metadata.name}`,
    '(from spec.bgp.router). Install as /etc/frr/frr.conf and reload FRR.',
  ];
  return {
    path: FRR_CONF_PATH,
    content: printFrrConfig(buildFrrConfig(spec, router), header),
  };
}
