import { FlowRecord, FlowsResponse } from '@internal/plugin-cilium-common';

const endpoint = (namespace: string, podName: string, identity: number) => ({
  identity,
  namespace,
  podName,
  labels: [`k8s:io.kubernetes.pod.namespace=${namespace}`],
  names: [],
  workloads: [],
});

export const allowedFlow: FlowRecord = {
  time: '2026-11-26T09:59:58.849Z',
  verdict: 'FORWARDED',
  eventType: { type: 5, subType: 0 },
  isPolicyVerdict: true,
  trafficDirection: 'INGRESS',
  policyMatchType: 'L3-L4',
  nodeName: 'prod-eu-1/prod-eu-1-worker-a',
  isReply: false,
  source: endpoint('tenant-jobs', 'scheduler-7d9f8-abcde', 48211),
  destination: { ...endpoint('tenant-jobs', 'worker-0', 51234), port: 8080 },
  l4: {
    protocol: 'TCP',
    sourcePort: 41234,
    destinationPort: 8080,
    tcpFlags: ['SYN'],
  },
  allowedBy: [
    {
      name: 'allow-scheduler',
      namespace: 'tenant-jobs',
      kind: 'CiliumNetworkPolicy',
    },
  ],
  deniedBy: [],
  summary: 'TCP Flags: SYN',
  line: 'Nov 26 09:59:58.849: tenant-jobs/scheduler-7d9f8-abcde:41234 (ID:48211) -> tenant-jobs/worker-0:8080 (ID:51234) policy-verdict:L3-L4 INGRESS ALLOWED BY allow-scheduler (CiliumNetworkPolicy) (TCP Flags: SYN)',
  columns: {
    time: 'Nov 26 09:59:58.849',
    source: 'tenant-jobs/scheduler-7d9f8-abcde:41234',
    sourceIdentity: '(ID:48211)',
    arrow: '->',
    destination: 'tenant-jobs/worker-0:8080',
    destinationIdentity: '(ID:51234)',
    type: 'policy-verdict:L3-L4 INGRESS',
    verdict: 'ALLOWED BY allow-scheduler (CiliumNetworkPolicy)',
  },
};

export const deniedFlow: FlowRecord = {
  time: '2026-11-26T09:59:59.101Z',
  verdict: 'DROPPED',
  dropReason: 'Policy denied',
  eventType: { type: 5, subType: 0 },
  isPolicyVerdict: true,
  trafficDirection: 'EGRESS',
  policyMatchType: 'L3-Only',
  isReply: null,
  source: endpoint('tenant-jobs', 'worker-0', 51234),
  destination: {
    ...endpoint('kube-system', 'coredns-5d78c-xyz', 102),
    port: 53,
  },
  l4: { protocol: 'UDP', sourcePort: 53012, destinationPort: 53 },
  allowedBy: [],
  deniedBy: [
    {
      name: 'deny-egress',
      namespace: 'tenant-jobs',
      kind: 'CiliumNetworkPolicy',
    },
  ],
  summary: 'UDP',
  line: 'Nov 26 09:59:59.101: tenant-jobs/worker-0:53012 (ID:51234) <> kube-system/coredns-5d78c-xyz:53 (ID:102) policy-verdict:L3-Only EGRESS DENIED BY deny-egress (CiliumNetworkPolicy) (UDP)',
  columns: {
    time: 'Nov 26 09:59:59.101',
    source: 'tenant-jobs/worker-0:53012',
    sourceIdentity: '(ID:51234)',
    arrow: '<>',
    destination: 'kube-system/coredns-5d78c-xyz:53',
    destinationIdentity: '(ID:102)',
    type: 'policy-verdict:L3-Only EGRESS',
    verdict: 'DENIED BY deny-egress (CiliumNetworkPolicy)',
  },
};

export const traceFlow: FlowRecord = {
  time: '2026-11-26T10:00:00.005Z',
  verdict: 'FORWARDED',
  eventType: { type: 4, subType: 0 },
  isPolicyVerdict: false,
  trafficDirection: 'EGRESS',
  isReply: true,
  source: { ...endpoint('shop', 'checkout-v1-6c9d', 6001), port: 8080 },
  destination: { ...endpoint('shop', 'frontend-0', 6002), port: 51000 },
  l4: {
    protocol: 'TCP',
    sourcePort: 8080,
    destinationPort: 51000,
    tcpFlags: ['ACK', 'PSH'],
  },
  allowedBy: [],
  deniedBy: [],
  summary: 'TCP Flags: ACK, PSH',
  line: 'Nov 26 10:00:00.005: shop/frontend-0:51000 (ID:6002) <- shop/checkout-v1-6c9d:8080 (ID:6001) to-endpoint FORWARDED (TCP Flags: ACK, PSH)',
  columns: {
    time: 'Nov 26 10:00:00.005',
    source: 'shop/frontend-0:51000',
    sourceIdentity: '(ID:6002)',
    arrow: '<-',
    destination: 'shop/checkout-v1-6c9d:8080',
    destinationIdentity: '(ID:6001)',
    type: 'to-endpoint',
    verdict: 'FORWARDED',
  },
};

export const flowsResponse: FlowsResponse = {
  cluster: 'prod-eu-1',
  query: { last: 100 },
  flows: [allowedFlow, deniedFlow, traceFlow],
  verdictCounts: { FORWARDED: 2, DROPPED: 1 },
};
