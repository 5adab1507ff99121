import {
  FlowEndpoint,
  FlowRecord,
  PolicyRef,
} from '@internal/plugin-cilium-common';

/** `namespace/pod:port`, else service, DNS names or IP — like `hubble observe`. */
export function endpointText(e: FlowEndpoint): string {
  let base: string;
  if (e.namespace && e.podName) base = `${e.namespace}/${e.podName}`;
  else if (e.service)
    base = `${e.service.namespace ? `${e.service.namespace}/` : ''}${
      e.service.name
    }`;
  else if (e.names.length > 0) base = e.names.join(',');
  else base = e.ip ?? `(ID:${e.identity})`;
  return e.port ? `${base}:${e.port}` : base;
}

const EVENT_TYPES: Record<number, string> = {
  1: 'drop',
  4: 'trace',
  5: 'policy-verdict',
  7: 'trace-sock',
  129: 'l7',
};

/** The TYPE column: `policy-verdict:L3-L4 INGRESS`, an L7 type, a drop reason or the event type. */
export function flowTypeText(f: FlowRecord): string {
  if (f.isPolicyVerdict) {
    const dir =
      f.trafficDirection === 'TRAFFIC_DIRECTION_UNKNOWN'
        ? ''
        : ` ${f.trafficDirection}`;
    return `policy-verdict:${f.policyMatchType ?? 'none'}${dir}`;
  }
  if (f.l7) return `${f.l7.type}`;
  if (f.dropReason) return f.dropReason;
  return EVENT_TYPES[f.eventType.type] ?? 'UNKNOWN';
}

const policyText = (p: PolicyRef) =>
  `${p.namespace ? `${p.namespace}/` : ''}${p.name}${
    p.kind ? ` (${p.kind})` : ''
  }`;

/** `allowed by ns/name (Kind)` / `denied by …`, empty when the flow names no policy. */
export function policyNamesText(f: FlowRecord): string {
  const parts: string[] = [];
  if (f.allowedBy.length)
    parts.push(`allowed by ${f.allowedBy.map(policyText).join(', ')}`);
  if (f.deniedBy.length)
    parts.push(`denied by ${f.deniedBy.map(policyText).join(', ')}`);
  return parts.join('; ');
}

/** `HH:MM:SS.mmm` in UTC. */
export function flowTimeText(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? 'N/A' : d.toISOString().slice(11, 23);
}
