import { policiesFromObjects } from '../model/parse';
import { flow, pod, reserved } from '../__testUtils__/flows';
import { evaluateFlow } from './evaluateFlow';

const cnp = (name: string, spec: object) => ({
  apiVersion: 'cilium.io/v2',
  kind: 'CiliumNetworkPolicy',
  metadata: { name, namespace: 'prod' },
  spec,
});
const server = pod('prod', 'server');
const client = pod('prod', 'client');
const sel = { matchLabels: { app: 'server' } };
const allowClient = cnp('allow', {
  endpointSelector: sel,
  ingress: [{ fromEndpoints: [{ matchLabels: { app: 'client' } }] }],
});

// docs.cilium.io, Policy Language → "Deny Policies": the enforcement table.
describe('deny precedence', () => {
  it.each([
    {
      doc: 'Deny Policies: allow only → port 80 allowed',
      policies: [allowClient],
      port: 80,
      verdict: 'allowed',
      by: 'allow',
    },
    {
      doc: 'Deny Policies: L4 deny on 80/TCP beats the L3 allow on port 80',
      policies: [
        allowClient,
        cnp('deny-80', {
          endpointSelector: sel,
          ingressDeny: [
            { toPorts: [{ ports: [{ port: '80', protocol: 'TCP' }] }] },
          ],
        }),
      ],
      port: 80,
      verdict: 'denied',
      by: 'deny-80',
    },
    {
      doc: 'Deny Policies: the L4 deny leaves port 81 to the allow',
      policies: [
        allowClient,
        cnp('deny-80', {
          endpointSelector: sel,
          ingressDeny: [
            { toPorts: [{ ports: [{ port: '80', protocol: 'TCP' }] }] },
          ],
        }),
      ],
      port: 81,
      verdict: 'allowed',
      by: 'allow',
    },
    {
      doc: 'Deny Policies: an L3 deny of the client denies every port',
      policies: [
        allowClient,
        cnp('deny-client', {
          endpointSelector: sel,
          ingressDeny: [
            { fromEndpoints: [{ matchLabels: { app: 'client' } }] },
          ],
        }),
      ],
      port: 81,
      verdict: 'denied',
      by: 'deny-client',
    },
    {
      doc: 'Deny Policies: a deny also overrides a Kubernetes NetworkPolicy allow',
      policies: [
        {
          apiVersion: 'networking.k8s.io/v1',
          kind: 'NetworkPolicy',
          metadata: { name: 'knp', namespace: 'prod' },
          spec: {
            podSelector: { matchLabels: { app: 'server' } },
            ingress: [{}],
          },
        },
        cnp('deny-client', {
          endpointSelector: sel,
          ingressDeny: [
            { fromEndpoints: [{ matchLabels: { app: 'client' } }] },
          ],
        }),
      ],
      port: 80,
      verdict: 'denied',
      by: 'deny-client',
    },
  ])('$doc', ({ policies, port, verdict, by }) => {
    const v = evaluateFlow(
      policiesFromObjects(policies),
      flow(client, server, port),
    );
    expect(v.ingress.verdict).toBe(verdict);
    expect(v.ingress.rule?.policy.name).toBe(by);
  });

  it('egressDeny toEntities world wins over an allow-all egress', () => {
    const model = policiesFromObjects([
      cnp('all', { endpointSelector: sel, egress: [{ toEntities: ['all'] }] }),
      cnp('no-world', {
        endpointSelector: sel,
        egressDeny: [{ toEntities: ['world'] }],
      }),
    ]);
    expect(
      evaluateFlow(
        model,
        flow(server, reserved('world', 2, '198.51.100.1'), 443),
      ).egress,
    ).toMatchObject({ verdict: 'denied', reason: 'deny-rule' });
    expect(evaluateFlow(model, flow(server, client, 443)).egress).toMatchObject(
      { verdict: 'allowed', reason: 'allow-rule' },
    );
  });
});

// docs.cilium.io "Policy Enforcement Modes" (default mode) and the CRD's enableDefaultDeny.
describe('default-deny per direction', () => {
  it.each([
    {
      doc: 'Policy Enforcement Modes: no policy selects the endpoint → allowed both ways',
      policies: [],
      ingress: 'default-allow',
      egress: 'default-allow',
    },
    {
      doc: 'Policy Enforcement Modes: an ingress rule puts only ingress in default-deny',
      policies: [
        cnp('x', {
          endpointSelector: { matchLabels: { app: 'client' } },
          ingress: [{ fromEndpoints: [{ matchLabels: { app: 'nobody' } }] }],
        }),
      ],
      ingress: 'default-allow',
      egress: 'default-allow',
    },
    {
      doc: 'Policy Enforcement Modes: an egress rule on the source puts its egress in default-deny',
      policies: [
        cnp('x', {
          endpointSelector: { matchLabels: { app: 'client' } },
          egress: [{ toEndpoints: [{ matchLabels: { app: 'nobody' } }] }],
        }),
      ],
      ingress: 'default-allow',
      egress: 'default-deny',
    },
    {
      doc: 'enableDefaultDeny.egress false: the egress rules add allows without default-deny',
      policies: [
        cnp('x', {
          endpointSelector: { matchLabels: { app: 'client' } },
          enableDefaultDeny: { egress: false },
          egress: [{ toEndpoints: [{ matchLabels: { app: 'nobody' } }] }],
        }),
      ],
      ingress: 'default-allow',
      egress: 'default-allow',
    },
    {
      doc: 'enableDefaultDeny.ingress false on a deny-only policy keeps the rest allowed',
      policies: [
        cnp('x', {
          endpointSelector: sel,
          enableDefaultDeny: { ingress: false },
          ingressDeny: [{ fromEntities: ['world'] }],
        }),
      ],
      ingress: 'default-allow',
      egress: 'default-allow',
    },
    {
      doc: 'Deny Policies: a deny-only policy without enableDefaultDeny puts the endpoint in default-deny',
      policies: [
        cnp('x', {
          endpointSelector: sel,
          ingressDeny: [{ fromEntities: ['world'] }],
        }),
      ],
      ingress: 'default-deny',
      egress: 'default-allow',
    },
  ])('$doc', ({ policies, ingress, egress }) => {
    const v = evaluateFlow(
      policiesFromObjects(policies),
      flow(client, server, 80),
    );
    expect({ ingress: v.ingress.reason, egress: v.egress.reason }).toEqual({
      ingress,
      egress,
    });
  });

  it('replies are not subject to policy', () => {
    const model = policiesFromObjects([
      cnp('x', { endpointSelector: {}, ingress: [{}], egress: [{}] }),
    ]);
    expect(
      evaluateFlow(
        model,
        flow(server, client, 41000, 'TCP', { isReply: true }),
      ),
    ).toEqual({
      ingress: { verdict: 'allowed', reason: 'reply' },
      egress: { verdict: 'allowed', reason: 'reply' },
    });
    expect(
      evaluateFlow(model, flow(server, client, 41000)).egress.verdict,
    ).toBe('denied');
  });
});

// Kubernetes "Network Policies" concept page.
describe('Kubernetes NetworkPolicy', () => {
  const knp = (spec: object) => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'knp', namespace: 'prod' },
    spec,
  });
  const monitoring = pod('monitoring', 'prometheus', [
    'k8s:io.cilium.k8s.namespace.labels.team=obs',
  ]);
  const world = reserved('world', 2, '203.0.113.5');
  it.each([
    {
      doc: 'policyTypes defaults to Ingress: podSelector with no rules isolates ingress',
      spec: { podSelector: sel },
      from: client,
      to: server,
      dir: 'ingress',
      verdict: 'denied',
    },
    {
      doc: 'an empty ingress rule {} allows every source',
      spec: { podSelector: sel, ingress: [{}] },
      from: monitoring,
      to: server,
      dir: 'ingress',
      verdict: 'allowed',
    },
    {
      doc: 'podSelector peers are in the policy namespace',
      spec: {
        podSelector: sel,
        ingress: [
          { from: [{ podSelector: { matchLabels: { app: 'prometheus' } } }] },
        ],
      },
      from: monitoring,
      to: server,
      dir: 'ingress',
      verdict: 'denied',
    },
    {
      doc: 'namespaceSelector on kubernetes.io/metadata.name',
      spec: {
        podSelector: sel,
        ingress: [
          {
            from: [
              {
                namespaceSelector: {
                  matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' },
                },
              },
            ],
          },
        ],
      },
      from: monitoring,
      to: server,
      dir: 'ingress',
      verdict: 'allowed',
    },
    {
      doc: 'namespaceSelector on a namespace label',
      spec: {
        podSelector: sel,
        ingress: [
          {
            from: [
              {
                namespaceSelector: { matchLabels: { team: 'obs' } },
                podSelector: { matchLabels: { app: 'prometheus' } },
              },
            ],
          },
        ],
      },
      from: monitoring,
      to: server,
      dir: 'ingress',
      verdict: 'allowed',
    },
    {
      doc: 'ports: protocol defaults to TCP',
      spec: { podSelector: sel, ingress: [{ ports: [{ port: 80 }] }] },
      from: client,
      to: server,
      dir: 'ingress',
      verdict: 'allowed',
    },
    {
      doc: 'ports: other ports are denied',
      spec: { podSelector: sel, ingress: [{ ports: [{ port: 443 }] }] },
      from: client,
      to: server,
      dir: 'ingress',
      verdict: 'denied',
    },
    {
      doc: 'policyTypes [Egress] with ipBlock except',
      spec: {
        podSelector: sel,
        policyTypes: ['Egress'],
        egress: [
          {
            to: [
              {
                ipBlock: { cidr: '203.0.113.0/24', except: ['203.0.113.5/32'] },
              },
            ],
          },
        ],
      },
      from: server,
      to: world,
      dir: 'egress',
      verdict: 'denied',
    },
    {
      doc: 'egress ipBlock allows the block',
      spec: {
        podSelector: sel,
        egress: [{ to: [{ ipBlock: { cidr: '203.0.113.0/24' } }] }],
      },
      from: server,
      to: world,
      dir: 'egress',
      verdict: 'allowed',
    },
  ] as const)('$doc', ({ spec, from, to, dir, verdict }) => {
    const v = evaluateFlow(
      policiesFromObjects([knp(spec)]),
      flow(from, to, 80),
    );
    expect(v[dir].verdict).toBe(verdict);
  });
});

describe('bad policy objects', () => {
  it('leaves a malformed policy out whole and names the field and rule', () => {
    const model = policiesFromObjects([
      cnp('bad', {
        endpointSelector: sel,
        ingress: [
          { fromEndpoints: [{ matchLabels: { app: 'client' } }] },
          { toPorts: [{ ports: [{ port: '99999' }] }] },
        ],
      }),
      cnp('bad-op', {
        endpointSelector: {
          matchExpressions: [{ key: 'app', operator: 'Like', values: ['x'] }],
        },
      }),
      { kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'prod' } },
    ]);
    expect(model.policies).toEqual([]);
    expect(
      model.notEvaluated.map(n => [n.policy.name, n.rule, n.reason]),
    ).toEqual([
      [
        'bad',
        'spec.ingress[1].toPorts[0].ports[0].port',
        'policy not evaluated: spec.ingress[1].toPorts[0].ports[0].port: must be 1..65535',
      ],
      [
        'bad-op',
        'spec.endpointSelector.matchExpressions[0].operator',
        'policy not evaluated: spec.endpointSelector.matchExpressions[0].operator: must be In, NotIn, Exists or DoesNotExist',
      ],
      [
        'cm',
        'kind',
        'kind "ConfigMap" is not a network policy kind the evaluator reads',
      ],
    ]);
  });

  it('reports unmodelled rules (toServices, nodeSelector) instead of guessing', () => {
    const model = policiesFromObjects([
      cnp('svc', {
        endpointSelector: sel,
        egress: [{ toServices: [{ k8sService: { serviceName: 'x' } }] }],
      }),
      {
        apiVersion: 'cilium.io/v2',
        kind: 'CiliumClusterwideNetworkPolicy',
        metadata: { name: 'host' },
        spec: { nodeSelector: {}, ingress: [{ fromEntities: ['cluster'] }] },
      },
    ]);
    expect(model.notEvaluated.map(n => n.rule)).toEqual([
      'spec.egress[0].toServices',
      'spec.nodeSelector',
    ]);
    expect(evaluateFlow(model, flow(server, client, 80)).egress).toMatchObject({
      verdict: 'not-evaluated',
      detail: 'toServices is not evaluated',
    });
  });
});
