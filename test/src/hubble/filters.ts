import { BlockList, isIP } from 'node:net';
import type { EndpointFixture, FlowFixture } from './types';

/** A decoded flow.FlowFilter (proto-loader keepCase, enums as names, defaults on). */
export type DecodedFlowFilter = Record<string, unknown> & {
  source_pod?: string[];
  destination_pod?: string[];
  source_ip?: string[];
  destination_ip?: string[];
  verdict?: string[];
  event_type?: { type: number; match_sub_type: boolean; sub_type: number }[];
  traffic_direction?: string[];
  drop_reason_desc?: string[];
  node_name?: string[];
  source_cluster_name?: string[];
  destination_cluster_name?: string[];
  protocol?: string[];
};

const SUPPORTED = new Set([
  'source_pod',
  'destination_pod',
  'source_ip',
  'destination_ip',
  'verdict',
  'event_type',
  'traffic_direction',
  'drop_reason_desc',
  'node_name',
  'source_cluster_name',
  'destination_cluster_name',
  'protocol',
]);

/** Filter fields set in a request that this test server does not evaluate. */
export function unsupportedFilterFields(filter: DecodedFlowFilter): string[] {
  return Object.entries(filter)
    .filter(([key, value]) => !SUPPORTED.has(key) && isSet(value))
    .map(([key]) => key);
}

function isSet(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (value && typeof value === 'object')
    return Object.values(value).some(isSet);
  return false;
}

/** Hubble's pod filter: `[namespace/]pod-name-prefix`; no namespace = `default`, `/x` = any namespace. */
function podMatches(patterns: string[], ep: EndpointFixture): boolean {
  const ns = ep.namespace ?? '';
  const podName = ep.pod_name ?? '';
  if (!ns && !podName) return false;
  return patterns.some(pattern => {
    const slash = pattern.indexOf('/');
    const wantNs = slash < 0 ? 'default' : pattern.slice(0, slash);
    const prefix = slash < 0 ? pattern : pattern.slice(slash + 1);
    return (wantNs === '' || wantNs === ns) && podName.startsWith(prefix);
  });
}

/** Hubble's IP filter: an exact address or a CIDR. */
function ipMatches(patterns: string[], ip: string): boolean {
  const family = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
  return patterns.some(pattern => {
    const [net, bits] = pattern.split('/');
    if (bits === undefined) return pattern === ip;
    const list = new BlockList();
    list.addSubnet(net, Number(bits), isIP(net) === 6 ? 'ipv6' : 'ipv4');
    return list.check(ip, family);
  });
}

function nodeMatches(patterns: string[], nodeName: string): boolean {
  return patterns.some(p => {
    if (p.endsWith('/')) return nodeName.startsWith(p);
    const re = new RegExp(
      `^${p
        .split('*')
        .map(s => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
    );
    return re.test(nodeName);
  });
}

function protocolOf(flow: FlowFixture): string[] {
  const out: string[] = [];
  if (flow.l4?.TCP) out.push('tcp');
  if (flow.l4?.UDP) out.push('udp');
  if (flow.l4?.ICMPv4) out.push('icmp', 'icmpv4');
  if (flow.l4?.ICMPv6) out.push('icmp', 'icmpv6');
  if (flow.l7?.http) out.push('http');
  if (flow.l7?.dns) out.push('dns');
  return out;
}

/** Whether every set field of one FlowFilter matches (upstream semantics; values within a field are ORed). */
export function flowMatchesFilter(
  flow: FlowFixture,
  f: DecodedFlowFilter,
): boolean {
  const has = (v?: unknown[]) => Array.isArray(v) && v.length > 0;
  if (has(f.source_pod) && !podMatches(f.source_pod!, flow.source))
    return false;
  if (
    has(f.destination_pod) &&
    !podMatches(f.destination_pod!, flow.destination)
  )
    return false;
  if (has(f.source_ip) && !ipMatches(f.source_ip!, flow.IP.source))
    return false;
  if (
    has(f.destination_ip) &&
    !ipMatches(f.destination_ip!, flow.IP.destination)
  )
    return false;
  if (has(f.verdict) && !f.verdict!.includes(flow.verdict)) return false;
  if (
    has(f.traffic_direction) &&
    !f.traffic_direction!.includes(flow.traffic_direction)
  )
    return false;
  if (
    has(f.drop_reason_desc) &&
    !f.drop_reason_desc!.includes(
      flow.drop_reason_desc ?? 'DROP_REASON_UNKNOWN',
    )
  )
    return false;
  if (has(f.node_name) && !nodeMatches(f.node_name!, flow.node_name))
    return false;
  if (
    has(f.source_cluster_name) &&
    !f.source_cluster_name!.includes(flow.source.cluster_name ?? '')
  )
    return false;
  if (
    has(f.destination_cluster_name) &&
    !f.destination_cluster_name!.includes(flow.destination.cluster_name ?? '')
  )
    return false;
  if (
    has(f.protocol) &&
    !f.protocol!.some(p => protocolOf(flow).includes(p.toLowerCase()))
  )
    return false;
  if (has(f.event_type)) {
    const type = flow.event_type.type;
    const subType = flow.event_type.sub_type ?? 0;
    if (
      !f.event_type!.some(
        e => e.type === type && (!e.match_sub_type || e.sub_type === subType),
      )
    )
      return false;
  }
  return true;
}

/** GetFlowsRequest semantics: in the whitelist (if any) and in no blacklist filter. */
export function flowSelected(
  flow: FlowFixture,
  whitelist: DecodedFlowFilter[],
  blacklist: DecodedFlowFilter[],
): boolean {
  if (whitelist.length > 0 && !whitelist.some(f => flowMatchesFilter(flow, f)))
    return false;
  return !blacklist.some(f => flowMatchesFilter(flow, f));
}
