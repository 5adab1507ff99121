import type {
  PolicyReadinessResponse,
  ReadinessEdge,
} from '@internal/plugin-cilium-common';

const jobs = (workload: string) => ({
  namespace: 'tenant-jobs',
  workload,
  labels: [
    `k8s:app=${workload}`,
    'k8s:io.kubernetes.pod.namespace=tenant-jobs',
  ],
});

export const schedulerToWorker: ReadinessEdge = {
  id: 'ingress|tenant-jobs/scheduler|tenant-jobs/worker|8080/TCP',
  direction: 'ingress',
  source: jobs('scheduler'),
  destination: jobs('worker'),
  port: 8080,
  protocol: 'TCP',
  count: 2,
  lastSeen: '2026-11-26T10:00:01.001Z',
};

export const workerToWorld: ReadinessEdge = {
  id: 'egress|tenant-jobs/worker|world:downloads.example.org|443/TCP',
  direction: 'egress',
  source: jobs('worker'),
  destination: {
    labels: ['reserved:world'],
    entity: 'world',
    fqdn: 'downloads.example.org',
  },
  port: 443,
  protocol: 'TCP',
  count: 2,
  lastSeen: '2026-11-26T10:00:03.001Z',
};

const policy = (name: string, spec: Record<string, unknown>) => ({
  apiVersion: 'cilium.io/v2',
  kind: 'CiliumNetworkPolicy',
  metadata: { name, namespace: 'tenant-jobs' },
  spec,
});

/** A readiness answer for tenant-jobs: one ingress and one egress edge, all kept. */
export const policyReadiness: PolicyReadinessResponse = {
  cluster: 'democluster1',
  namespace: 'tenant-jobs',
  windowSeconds: 8,
  flowsConsidered: 12,
  generatedAt: '2026-11-26T10:00:10.000Z',
  selectedEndpoints: [
    {
      namespace: 'tenant-jobs',
      workload: 'worker',
      labels: jobs('worker').labels,
      ingress: true,
      egress: false,
      byPolicies: [
        {
          name: 'allow-scheduler-to-worker',
          namespace: 'tenant-jobs',
          kind: 'CiliumNetworkPolicy',
        },
      ],
    },
  ],
  wouldDrop: { ingress: [schedulerToWorker], egress: [workerToWorld] },
  notEvaluated: [],
  proposal: {
    policies: [
      policy('worker-ingress', {
        endpointSelector: { matchLabels: { app: 'worker' } },
        ingress: [{ fromEndpoints: [{ matchLabels: { app: 'scheduler' } }] }],
      }),
      policy('worker-egress', {
        endpointSelector: { matchLabels: { app: 'worker' } },
        egress: [{ toFQDNs: [{ matchName: 'downloads.example.org' }] }],
      }),
    ],
    keptEdgeIds: [schedulerToWorker.id, workerToWorld.id],
    replay: {
      flowsReplayed: 12,
      keptNewlyDropped: [],
      untickedDropped: [],
      notEvaluated: [],
      valid: true,
    },
  },
  errors: [],
};
