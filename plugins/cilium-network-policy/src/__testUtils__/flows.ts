/** FlowRecords for table tests, shaped like the status API's (cilium-common FlowRecord). */
import type { FlowEndpoint, FlowRecord } from '@internal/plugin-cilium-common';

export function pod(
  namespace: string,
  app: string,
  extra: string[] = [],
): FlowEndpoint {
  return {
    identity: 10000 + app.length,
    namespace,
    podName: `${app}-0`,
    labels: [
      `k8s:app=${app}`,
      `k8s:io.kubernetes.pod.namespace=${namespace}`,
      ...extra,
    ].sort(),
    names: [],
    workloads: [{ name: app, kind: 'Deployment' }],
  };
}

export function reserved(
  entity: string,
  identity: number,
  ip?: string,
  names: string[] = [],
): FlowEndpoint {
  return { identity, labels: [`reserved:${entity}`], ip, names, workloads: [] };
}

export function flow(
  source: FlowEndpoint,
  destination: FlowEndpoint,
  port?: number,
  protocol: 'TCP' | 'UDP' | 'SCTP' | 'ICMPv4' = 'TCP',
  extra: Partial<FlowRecord> = {},
): FlowRecord {
  return {
    time: '2026-11-26T10:00:00.000Z',
    verdict: 'FORWARDED',
    eventType: { type: 4, subType: 0 },
    isPolicyVerdict: false,
    trafficDirection: 'EGRESS',
    isReply: false,
    source,
    destination,
    l4: { protocol, destinationPort: port },
    allowedBy: [],
    deniedBy: [],
    summary: '',
    line: '',
    // The printed columns: the evaluator never reads them.
    columns: {
      time: '',
      source: '',
      sourceIdentity: '',
      arrow: '->',
      destination: '',
      destinationIdentity: '',
      type: '',
      verdict: '',
    },
    ...extra,
  };
}
