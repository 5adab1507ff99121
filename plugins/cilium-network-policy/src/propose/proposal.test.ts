import type { PolicyProposal } from '@internal/plugin-cilium-common';
import { stringify } from 'yaml';
import { policiesFromObjects } from '../model/parse';
import { namespaceReadiness } from '../readiness/namespaceReadiness';
import { flow, pod, reserved } from '../__testUtils__/flows';
import { proposePolicies } from './proposePolicies';
import { replay } from './replay';

const web = pod('shop', 'web');
const api = pod('shop', 'api');
const ingressNginx = pod('edge', 'ingress-nginx');
const kubeDns = {
  ...pod('kube-system', 'coredns'),
  labels: [
    'k8s:io.kubernetes.pod.namespace=kube-system',
    'k8s:k8s-app=kube-dns',
  ],
};
const payments = reserved('world', 2, '203.0.113.9', ['payments.example.com']);
const client = reserved('world', 2, '198.51.100.23');

const flows = [
  flow(client, web, 443),
  flow(ingressNginx, web, 8080),
  flow(web, api, 9000),
  flow(web, api, 9000, 'TCP', { time: '2026-11-26T10:01:00.000Z' }),
  flow(api, kubeDns, 53, 'UDP'),
  flow(api, payments, 443),
  flow(api, web, 41000, 'TCP', { isReply: true }),
];

// Existing policy: web ingress from ingress-nginx only; the world client is denied today.
const current = policiesFromObjects([
  {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'web-from-edge', namespace: 'shop' },
    spec: {
      podSelector: { matchLabels: { app: 'web' } },
      ingress: [
        {
          from: [
            {
              namespaceSelector: {
                matchLabels: { 'kubernetes.io/metadata.name': 'edge' },
              },
            },
          ],
          ports: [{ port: 8080 }],
        },
      ],
    },
  },
]);

describe('readiness, proposal and replay', () => {
  const readiness = namespaceReadiness(current, flows, 'shop', {
    windowSeconds: 600,
    cluster: 'c1',
    now: new Date('2026-11-26T10:02:00Z'),
  });
  const ids = [
    ...readiness.wouldDrop.ingress,
    ...readiness.wouldDrop.egress,
  ].map(e => e.id);

  it('lists what a namespace default-deny would newly drop (not what is already denied or replies)', () => {
    expect(readiness).toMatchObject({
      cluster: 'c1',
      namespace: 'shop',
      windowSeconds: 600,
      flowsConsidered: 6,
      generatedAt: '2026-11-26T10:02:00.000Z',
    });
    expect(ids).toEqual([
      'ingress:shop/k8s:app=web->shop/k8s:app=api:9000/TCP',
      'egress:shop/k8s:app=api->kube-system/k8s:k8s-app=kube-dns:53/UDP',
      'egress:shop/k8s:app=api->payments.example.com:443/TCP',
      'egress:shop/k8s:app=web->shop/k8s:app=api:9000/TCP',
    ]);
    expect(readiness.wouldDrop.egress[2]).toMatchObject({
      count: 2,
      lastSeen: '2026-11-26T10:01:00.000Z',
      port: 9000,
      protocol: 'TCP',
    });
    expect(
      readiness.selectedEndpoints.map(e => [e.workload, e.ingress, e.egress]),
    ).toEqual([
      ['api', false, false],
      ['web', true, false],
    ]);
  });

  it('proposes one policy per workload and direction; the replay keeps every kept edge', () => {
    const proposed = proposePolicies(readiness, ids);
    expect(proposed.policies.map(p => p.metadata.name)).toEqual([
      'api-egress',
      'api-ingress',
      'web-egress',
    ]);
    const apiEgress = proposed.policies[0].spec.egress!;
    expect(apiEgress[1]).toEqual({
      toFQDNs: [{ matchName: 'payments.example.com' }],
      toPorts: [{ ports: [{ port: '443', protocol: 'TCP' }] }],
    });
    expect(apiEgress[0].toPorts![0].rules).toEqual({
      dns: [{ matchPattern: '*' }],
    });
    expect(proposed.policies[1].spec.ingress).toEqual([
      {
        fromEndpoints: [{ matchLabels: { app: 'web' } }],
        toPorts: [{ ports: [{ port: '9000', protocol: 'TCP' }] }],
      },
    ]);
    expect(replay(current, proposed, flows, ids)).toMatchObject({
      flowsReplayed: 6,
      valid: true,
      keptNewlyDropped: [],
      untickedDropped: [],
      notEvaluated: [],
    });
  });

  it('removing any one proposed policy makes the replay drop exactly its edges', () => {
    const proposed = proposePolicies(readiness, ids);
    for (const p of proposed.policies) {
      const without = {
        ...proposed,
        policies: proposed.policies.filter(q => q !== p),
      };
      const result = replay(current, without, flows, ids);
      expect(result.valid).toBe(false);
      expect(result.keptNewlyDropped.map(e => e.id).sort()).toEqual(
        proposed.edgesByPolicy[p.metadata.name],
      );
    }
  });

  it('without the DNS allowance the FQDN rule learns nothing and the replay drops the edge', () => {
    const proposed = proposePolicies(readiness, ids);
    const apiEgress = proposed.policies[0];
    const noDns = {
      ...apiEgress,
      spec: { ...apiEgress.spec, egress: apiEgress.spec.egress!.slice(1) },
    };
    const result = replay(
      current,
      { ...proposed, policies: [noDns, ...proposed.policies.slice(1)] },
      flows,
      ids,
    );
    expect(result.keptNewlyDropped.map(e => e.id)).toEqual([
      'egress:shop/k8s:app=api->kube-system/k8s:k8s-app=kube-dns:53/UDP',
      'egress:shop/k8s:app=api->payments.example.com:443/TCP',
    ]);
  });

  it('an unticked edge is left out and reported as dropped by the replay', () => {
    const kept = ids.filter(id => !id.includes('payments'));
    const proposed = proposePolicies(readiness, kept);
    expect(JSON.stringify(proposed.policies)).not.toContain('payments');
    const result = replay(current, proposed, flows, kept);
    expect(result.valid).toBe(true);
    expect(result.untickedDropped.map(e => e.id)).toEqual([
      'egress:shop/k8s:app=api->payments.example.com:443/TCP',
    ]);
  });

  it('writes byte-for-byte the same YAML whatever the flow order', () => {
    const again = namespaceReadiness(current, [...flows].reverse(), 'shop', {
      windowSeconds: 600,
    });
    const a = stringify(proposePolicies(readiness, ids).policies);
    const b = stringify(proposePolicies(again, [...ids].reverse()).policies);
    expect(b).toBe(a);
    expect(a).not.toMatch(/&a\d|\*a\d/); // no YAML anchors/aliases
  });
});

describe('the response types', () => {
  it('a proposal and its replay fit PolicyProposal of cilium-common', () => {
    const readiness = namespaceReadiness(current, flows, 'shop', {
      windowSeconds: 600,
    });
    const ids = readiness.wouldDrop.egress.map(e => e.id);
    const proposed = proposePolicies(readiness, ids);
    const proposal: PolicyProposal = {
      policies: proposed.policies,
      keptEdgeIds: proposed.keptEdgeIds,
      replay: replay(current, proposed, flows, ids),
    };
    expect(proposal.replay.valid).toBe(true);
    expect(proposal.keptEdgeIds).toEqual([...ids].sort());
  });
});
