import type {
  GraphFlow,
  FlowEndpoint,
  FlowRecord,
  PolicyRef,
  TrafficDirection,
  Verdict,
} from '@internal/plugin-cilium-common';
import type { WireEndpoint, WireFlow, WirePolicy, WireService } from './wire';
import { flowColumns, lineOf } from './printer/flowLine';
import { timestampMillis } from './printer/goFormat';
import { MessageType, policyMatchTypeText } from './printer/names';
import { summaryColumn, tcpFlagNames } from './printer/summary';

function toPolicyRef(p: WirePolicy): PolicyRef {
  const ref: PolicyRef = { name: p.name };
  if (p.namespace) ref.namespace = p.namespace;
  if (p.kind) ref.kind = p.kind;
  if (p.labels?.length) ref.labels = [...p.labels];
  const revision = Number(p.revision);
  if (revision) ref.revision = revision;
  return ref;
}

function toEndpoint(
  ep: WireEndpoint | null,
  ip: string | undefined,
  port: number | undefined,
  service: WireService | null,
  names: string[] | undefined,
): FlowEndpoint {
  const out: FlowEndpoint = {
    identity: ep?.identity ?? 0,
    labels: [...(ep?.labels ?? [])],
    names: [...(names ?? [])],
    workloads: (ep?.workloads ?? []).map(w => ({ name: w.name, kind: w.kind })),
  };
  if (ep?.namespace) out.namespace = ep.namespace;
  if (ep?.pod_name) out.podName = ep.pod_name;
  if (ep?.cluster_name) out.clusterName = ep.cluster_name;
  if (ip) out.ip = ip;
  if (port) out.port = port;
  if (service?.name) {
    out.service = service.namespace
      ? { name: service.name, namespace: service.namespace }
      : { name: service.name };
  }
  return out;
}

function policiesByDirection(
  flow: WireFlow,
  egress: WirePolicy[],
  ingress: WirePolicy[],
): PolicyRef[] {
  if (flow.traffic_direction === 'EGRESS') return egress.map(toPolicyRef);
  if (flow.traffic_direction === 'INGRESS') return ingress.map(toPolicyRef);
  return [...egress, ...ingress].map(toPolicyRef);
}

function toL4(flow: WireFlow): FlowRecord['l4'] {
  const l4 = flow.l4;
  if (!l4) return undefined;
  if (l4.TCP) {
    return {
      protocol: 'TCP',
      sourcePort: l4.TCP.source_port,
      destinationPort: l4.TCP.destination_port,
      tcpFlags: tcpFlagNames(l4.TCP.flags),
    };
  }
  if (l4.UDP)
    return {
      protocol: 'UDP',
      sourcePort: l4.UDP.source_port,
      destinationPort: l4.UDP.destination_port,
    };
  if (l4.SCTP)
    return {
      protocol: 'SCTP',
      sourcePort: l4.SCTP.source_port,
      destinationPort: l4.SCTP.destination_port,
    };
  if (l4.ICMPv4) return { protocol: 'ICMPv4' };
  if (l4.ICMPv6) return { protocol: 'ICMPv6' };
  if (l4.VRRP) return { protocol: 'VRRP' };
  if (l4.IGMP) return { protocol: 'IGMP' };
  return undefined;
}

function toL7(flow: WireFlow): FlowRecord['l7'] {
  const l7 = flow.l7;
  if (!l7) return undefined;
  const out: NonNullable<FlowRecord['l7']> = { type: l7.type };
  const latency = Number(l7.latency_ns);
  if (latency) out.latencyNs = latency;
  if (l7.http) {
    out.http = {
      method: l7.http.method,
      url: l7.http.url,
      protocol: l7.http.protocol,
    };
    if (l7.http.code) out.http.code = l7.http.code;
  }
  if (l7.dns)
    out.dns = {
      query: l7.dns.query,
      rcode: l7.dns.rcode,
      ips: [...l7.dns.ips],
    };
  return out;
}

/**
 * The structured part of a flow the service map is made from, without the
 * CLI text (cheaper: the summary reads 10,000 of them).
 */
export function toGraphFlow(flow: WireFlow): GraphFlow {
  const ms = timestampMillis(flow.time);
  const l4 = toL4(flow);
  const out: GraphFlow = {
    time: ms === undefined ? '' : new Date(ms).toISOString(),
    verdict: flow.verdict as Verdict,
    isReply: flow.is_reply ? flow.is_reply.value : null,
    source: toEndpoint(
      flow.source,
      flow.IP?.source,
      l4?.sourcePort,
      flow.source_service,
      flow.source_names,
    ),
    destination: toEndpoint(
      flow.destination,
      flow.IP?.destination,
      l4?.destinationPort,
      flow.destination_service,
      flow.destination_names,
    ),
    allowedBy: policiesByDirection(
      flow,
      flow.egress_allowed_by ?? [],
      flow.ingress_allowed_by ?? [],
    ),
    deniedBy: policiesByDirection(
      flow,
      flow.egress_denied_by ?? [],
      flow.ingress_denied_by ?? [],
    ),
  };
  if (
    flow.drop_reason_desc &&
    flow.drop_reason_desc !== 'DROP_REASON_UNKNOWN'
  ) {
    out.dropReason = flow.drop_reason_desc;
  }
  if (l4) out.l4 = l4;
  const l7 = toL7(flow);
  if (l7) out.l7 = l7;
  return out;
}

/** A decoded `flow.Flow` as the status API returns it: structured fields plus the CLI line. */
export function toFlowRecord(flow: WireFlow): FlowRecord {
  const eventType = {
    type: flow.event_type?.type ?? 0,
    subType: flow.event_type?.sub_type ?? 0,
  };
  const isPolicyVerdict = eventType.type === MessageType.policyVerdict;
  const { dropReason, l4, l7, ...graph } = toGraphFlow(flow);
  const columns = flowColumns(flow);
  const summary = summaryColumn(flow);
  const record: FlowRecord = {
    ...graph,
    eventType,
    isPolicyVerdict,
    trafficDirection: flow.traffic_direction as TrafficDirection,
    summary,
    line: lineOf(columns, summary),
    columns,
  };
  if (dropReason) record.dropReason = dropReason;
  if (isPolicyVerdict)
    record.policyMatchType = policyMatchTypeText(flow.policy_match_type);
  if (flow.node_name) record.nodeName = flow.node_name;
  if (l4) record.l4 = l4;
  if (l7) record.l7 = l7;
  return record;
}
