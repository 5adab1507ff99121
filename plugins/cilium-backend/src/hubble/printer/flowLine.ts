import type { FlowColumns } from '@internal/plugin-cilium-common';
import type { WireFlow, WirePolicy } from '../wire';
import { formatStampMilli } from './goFormat';
import {
  MessageType,
  dropReasonText,
  policyMatchTypeText,
  reservedIdentityName,
  traceObservationPointText,
} from './names';
import { summaryColumn } from './summary';

/**
 * One flow as `hubble observe --print-policy-names` prints it in its default
 * compact output (cilium/hubble printer.go, v1.19.4):
 * `<ts>: <src> <srcId> <arrow> <dst> <dstId> <TYPE> <VERDICT> (<SUMMARY>)`.
 */
export function compactFlowLine(flow: WireFlow): string {
  return lineOf(flowColumns(flow), summaryColumn(flow));
}

/** The line from its columns and the summary. */
export function lineOf(c: FlowColumns, summary: string): string {
  return (
    `${c.time}: ${c.source} ${c.sourceIdentity} ${c.arrow} ${c.destination} ${c.destinationIdentity} ` +
    `${c.type} ${c.verdict} (${summary})`
  );
}

/** The columns of the compact line, a reply turned around as the CLI prints it. */
export function flowColumns(flow: WireFlow): FlowColumns {
  let [src, dst] = hostNames(flow);
  let [srcId, dstId] = [
    formatIdentity(flow.source?.identity),
    formatIdentity(flow.destination?.identity),
  ];
  let arrow = '->';
  if (!flow.is_reply) {
    arrow = '<>';
  } else if (flow.is_reply.value) {
    [src, dst] = [dst, src];
    [srcId, dstId] = [dstId, srcId];
    arrow = '<-';
  }
  return {
    time: formatStampMilli(flow.time),
    source: src,
    sourceIdentity: srcId,
    arrow,
    destination: dst,
    destinationIdentity: dstId,
    type: flowTypeText(flow),
    verdict: verdictText(flow),
  };
}

/** `(ID:1234)`, or the reserved identity's name such as `(world)`. */
export function formatIdentity(identity: number | undefined): string {
  const id = identity ?? 0;
  const reserved = reservedIdentityName(id);
  return reserved !== undefined ? `(${reserved})` : `(ID:${id})`;
}

function ports(flow: WireFlow): [string, string] {
  const l4 = flow.l4;
  const p = l4?.TCP ?? l4?.UDP ?? l4?.SCTP;
  if (!p) return ['', ''];
  return [String(p.source_port), String(p.destination_port)];
}

/** Go's `net.JoinHostPort`: brackets around hosts containing a colon. */
function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

function joinPath(ns: string, name: string): string {
  return ns ? `${ns}/${name}` : name;
}

/** Printer.Hostname with IP translation on (the CLI default). */
export function endpointName(
  ip: string,
  port: string,
  ns: string,
  pod: string,
  svc: string,
  names: string[],
): string {
  let host = ip;
  if (pod) host = joinPath(ns, pod);
  else if (svc) host = joinPath(ns, svc);
  else if (names.length > 0) host = names.join(',');
  return port !== '' && port !== '0' ? joinHostPort(host, port) : host;
}

function hostNames(flow: WireFlow): [string, string] {
  if (!flow.IP) {
    return flow.ethernet
      ? [flow.ethernet.source, flow.ethernet.destination]
      : ['', ''];
  }
  let srcNs = flow.source?.namespace ?? '';
  let dstNs = flow.destination?.namespace ?? '';
  let srcSvc = '';
  let dstSvc = '';
  if (flow.source_service) {
    srcNs = flow.source_service.namespace;
    srcSvc = flow.source_service.name;
  }
  if (flow.destination_service) {
    dstNs = flow.destination_service.namespace;
    dstSvc = flow.destination_service.name;
  }
  const [srcPort, dstPort] = ports(flow);
  return [
    endpointName(
      flow.IP.source,
      srcPort,
      srcNs,
      flow.source?.pod_name ?? '',
      srcSvc,
      flow.source_names ?? [],
    ),
    endpointName(
      flow.IP.destination,
      dstPort,
      dstNs,
      flow.destination?.pod_name ?? '',
      dstSvc,
      flow.destination_names ?? [],
    ),
  ];
}

const SOCK_XLATE: Record<string, string> = {
  SOCK_XLATE_POINT_POST_DIRECTION_FWD: 'post-xlate-fwd',
  SOCK_XLATE_POINT_POST_DIRECTION_REV: 'post-xlate-rev',
  SOCK_XLATE_POINT_PRE_DIRECTION_FWD: 'pre-xlate-fwd',
  SOCK_XLATE_POINT_PRE_DIRECTION_REV: 'pre-xlate-rev',
};

/** The TYPE column: `http-request`, `to-endpoint`, `Policy denied`, `policy-verdict:L3-L4 INGRESS`. */
export function flowTypeText(flow: WireFlow): string {
  const l7 = flow.l7;
  if (l7) {
    let protocol = 'l7';
    let l7Type = String(l7.type).toLowerCase();
    if (l7.http) protocol = 'http';
    else if (l7.dns) {
      protocol = 'dns';
      l7Type += ` ${l7.dns.observation_source}`;
    } else if (l7.kafka) protocol = 'kafka';
    return `${protocol}-${l7Type}`;
  }
  const type = flow.event_type?.type ?? 0;
  const subType = flow.event_type?.sub_type ?? 0;
  switch (type) {
    case MessageType.trace:
      return traceObservationPointText(subType);
    case MessageType.drop:
      return dropReasonText(subType);
    case MessageType.policyVerdict:
      return `policy-verdict:${policyMatchTypeText(flow.policy_match_type)} ${
        flow.traffic_direction
      }`;
    case MessageType.capture:
      return flow.debug_capture_point;
    case MessageType.traceSock:
      return SOCK_XLATE[flow.sock_xlate_point] ?? flow.sock_xlate_point;
    default:
      return 'UNKNOWN';
  }
}

/** `--print-policy-names`: ` BY name (Kind), name2 (Kind)` for policies with a name and kind. */
export function formatPolicyNames(policies: WirePolicy[]): string {
  const named = policies.filter(p => p.kind && p.name);
  return named.length
    ? ` BY ${named.map(p => `${p.name} (${p.kind})`).join(', ')}`
    : '';
}

function policiesFor(flow: WireFlow, verdict: 'allowed' | 'denied'): string {
  if (flow.traffic_direction === 'EGRESS') {
    return formatPolicyNames(
      verdict === 'allowed' ? flow.egress_allowed_by : flow.egress_denied_by,
    );
  }
  if (flow.traffic_direction === 'INGRESS') {
    return formatPolicyNames(
      verdict === 'allowed' ? flow.ingress_allowed_by : flow.ingress_denied_by,
    );
  }
  return '';
}

/** The VERDICT column; policy verdicts read ALLOWED / DENIED / AUDITED. */
export function verdictText(flow: WireFlow): string {
  const isPolicyVerdict = flow.event_type?.type === MessageType.policyVerdict;
  switch (flow.verdict) {
    case 'FORWARDED':
    case 'REDIRECTED':
      return isPolicyVerdict
        ? `ALLOWED${policiesFor(flow, 'allowed')}`
        : flow.verdict;
    case 'DROPPED':
    case 'ERROR':
      return isPolicyVerdict
        ? `DENIED${policiesFor(flow, 'denied')}`
        : flow.verdict;
    case 'AUDIT':
      return isPolicyVerdict ? 'AUDITED' : flow.verdict;
    default:
      return flow.verdict;
  }
}
