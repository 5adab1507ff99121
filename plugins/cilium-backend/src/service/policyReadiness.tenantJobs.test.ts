/**
 * The tenant-jobs policies the Kubernetes test server serves against
 * the flows the Hubble Relay test server serves, read over gRPC with the
 * backend's Relay client: the evaluator's verdicts must equal the Relay's
 * policy verdicts, and the proposal + replay must keep every kept edge.
 */
import {
  evaluateFlow,
  namespaceReadiness,
  policiesFromObjects,
  proposePolicies,
  replay,
} from '@internal/cilium-network-policy';
import type { FlowRecord } from '@internal/plugin-cilium-common';
import {
  startHubbleRelayTestServer,
  tenantJobsPolicies,
  type HubbleRelayTestServer,
} from '@internal/cilium-test-servers';
import { stringify } from 'yaml';
import { HubbleRelayClient } from '../hubble/client';

describe('tenant-jobs policies against the demo Relay flows', () => {
  let relay: HubbleRelayTestServer;
  let flows: FlowRecord[];

  beforeAll(async () => {
    relay = await startHubbleRelayTestServer({ cluster: 'democluster1' });
    const client = new HubbleRelayClient({
      address: relay.address,
      timeoutMs: 5000,
    });
    try {
      flows = await client.getFlows({ last: 1000 });
    } finally {
      client.close();
    }
  });
  afterAll(() => relay.close());

  const model = () => policiesFromObjects(tenantJobsPolicies());

  it('reads every fixture policy without unmodelled rules', () => {
    expect(model().notEvaluated).toEqual([]);
    expect(model().policies.map(p => p.ref.name)).toEqual([
      'allow-scheduler-to-worker',
      'allow-kube-dns',
      'allow-worker-in-cluster',
      'allow-jobs-to-reporting',
      'deny-cross-tenant',
      'bookinfo-details',
    ]);
  });

  it('gives the verdict and policy the Relay reports for every policy-verdict flow', () => {
    const verdicts = flows.filter(f => f.isPolicyVerdict);
    expect(verdicts.length).toBeGreaterThanOrEqual(6);
    const relayView = verdicts.map(f => ({
      line: f.line,
      verdict: f.verdict === 'FORWARDED' ? 'allowed' : 'denied',
      policies: [...f.allowedBy, ...f.deniedBy].map(p => p.name),
    }));
    const ours = verdicts.map(f => {
      const dir = f.trafficDirection === 'INGRESS' ? 'ingress' : 'egress';
      const v = evaluateFlow(model(), f)[dir];
      return {
        line: f.line,
        verdict: v.verdict,
        policies: v.rule ? [v.rule.policy.name] : [],
      };
    });
    expect(ours).toEqual(relayView);
  });

  it('lists the scheduler egress a namespace default-deny would newly drop', () => {
    const readiness = namespaceReadiness(model(), flows, 'tenant-jobs', {
      windowSeconds: 300,
      cluster: 'democluster1',
      now: new Date('2026-11-26T10:05:00.000Z'),
    });
    expect(readiness.wouldDrop.ingress).toEqual([]);
    expect(
      readiness.wouldDrop.egress.map(e => ({
        id: e.id,
        count: e.count,
        lastSeen: e.lastSeen,
      })),
    ).toEqual([
      {
        id: 'egress:tenant-jobs/k8s:app=scheduler->tenant-jobs/k8s:app=reporting:8443/TCP',
        count: 1,
        lastSeen: '2026-11-26T10:00:07.000Z',
      },
      {
        id: 'egress:tenant-jobs/k8s:app=scheduler->tenant-jobs/k8s:app=worker:8080/TCP',
        count: 2,
        lastSeen: '2026-11-26T10:00:01.001Z',
      },
    ]);
    expect(
      readiness.selectedEndpoints.map(e => [
        e.workload,
        e.ingress,
        e.egress,
        e.byPolicies.map(p => p.name),
      ]),
    ).toEqual([
      [
        'reporting',
        true,
        false,
        ['deny-cross-tenant', 'allow-jobs-to-reporting', 'allow-kube-dns'],
      ],
      ['scheduler', false, false, ['deny-cross-tenant', 'allow-kube-dns']],
      [
        'worker',
        true,
        true,
        [
          'deny-cross-tenant',
          'allow-kube-dns',
          'allow-scheduler-to-worker',
          'allow-worker-in-cluster',
        ],
      ],
    ]);
  });

  it('proposes a scheduler egress policy whose replay keeps every kept edge, and each policy is needed', () => {
    const m = model();
    const readiness = namespaceReadiness(m, flows, 'tenant-jobs', {
      windowSeconds: 300,
    });
    const all = readiness.wouldDrop.egress.map(e => e.id);
    const proposed = proposePolicies(readiness, all);
    expect(proposed.policies.map(p => p.metadata.name)).toEqual([
      'scheduler-egress',
    ]);
    // What the commit will hold: plain, deterministic YAML.
    expect(stringify(proposed.policies[0])).toBe(
      [
        'apiVersion: cilium.io/v2',
        'kind: CiliumNetworkPolicy',
        'metadata:',
        '  name: scheduler-egress',
        '  namespace: tenant-jobs',
        '  labels:',
        '    app.kubernetes.io/managed-by: backstage-cilium-readiness',
        'spec:',
        '  description: Allows the egress traffic of scheduler observed in the readiness window',
        '  endpointSelector:',
        '    matchLabels:',
        '      app: scheduler',
        '  egress:',
        '    - toEndpoints:',
        '        - matchLabels:',
        '            k8s:io.kubernetes.pod.namespace: kube-system',
        '            k8s:k8s-app: kube-dns',
        '      toPorts:',
        '        - ports:',
        '            - port: "53"',
        '              protocol: UDP',
        '            - port: "53"',
        '              protocol: TCP',
        '          rules:',
        '            dns:',
        '              - matchPattern: "*"',
        '    - toEndpoints:',
        '        - matchLabels:',
        '            app: reporting',
        '      toPorts:',
        '        - ports:',
        '            - port: "8443"',
        '              protocol: TCP',
        '    - toEndpoints:',
        '        - matchLabels:',
        '            app: worker',
        '      toPorts:',
        '        - ports:',
        '            - port: "8080"',
        '              protocol: TCP',
        '',
      ].join('\n'),
    );
    const result = replay(m, proposed, flows, all);
    expect(result).toMatchObject({
      valid: true,
      keptNewlyDropped: [],
      untickedDropped: [],
    });

    for (const p of proposed.policies) {
      const without = {
        ...proposed,
        policies: proposed.policies.filter(q => q !== p),
      };
      const dropped = replay(m, without, flows, all)
        .keptNewlyDropped.map(e => e.id)
        .sort();
      expect(dropped).toEqual(proposed.edgesByPolicy[p.metadata.name]);
    }
  });

  it('unticking an edge leaves it out of the proposal and the replay reports it dropped', () => {
    const m = model();
    const readiness = namespaceReadiness(m, flows, 'tenant-jobs', {
      windowSeconds: 300,
    });
    const [reporting, worker] = readiness.wouldDrop.egress;
    const proposed = proposePolicies(readiness, [worker.id]);
    const result = replay(m, proposed, flows, [worker.id]);
    expect(result.valid).toBe(true);
    expect(result.untickedDropped.map(e => e.id)).toEqual([reporting.id]);
  });
});
