import { policiesFromObjects } from '../model/parse';
import { flow, pod, reserved } from '../__testUtils__/flows';
import { evaluateFlow } from './evaluateFlow';

const cnp = (namespace: string, spec: object, name = 'p') => ({
  apiVersion: 'cilium.io/v2',
  kind: 'CiliumNetworkPolicy',
  metadata: { name, namespace },
  spec,
});
const ccnp = (spec: object, name = 'c') => ({
  apiVersion: 'cilium.io/v2',
  kind: 'CiliumClusterwideNetworkPolicy',
  metadata: { name },
  spec,
});

const backend = pod('prod', 'backend');
const frontend = pod('prod', 'frontend', ['k8s:tier=web']);
const otherNsFrontend = pod('staging', 'frontend');

// docs.cilium.io, Policy Language → "Layer 3 Examples" → "Endpoints Based".
describe('fromEndpoints / toEndpoints', () => {
  it.each([
    {
      doc: 'Endpoints Based: fromEndpoints matchLabels allows the labelled pods (ingress)',
      policy: cnp('prod', {
        endpointSelector: { matchLabels: { app: 'backend' } },
        ingress: [{ fromEndpoints: [{ matchLabels: { app: 'frontend' } }] }],
      }),
      from: frontend,
      to: backend,
      ingress: 'allowed',
      egress: 'allowed',
    },
    {
      doc: 'Endpoints Based: selected endpoint enters default-deny, other sources are dropped',
      policy: cnp('prod', {
        endpointSelector: { matchLabels: { app: 'backend' } },
        ingress: [{ fromEndpoints: [{ matchLabels: { app: 'other' } }] }],
      }),
      from: frontend,
      to: backend,
      ingress: 'denied',
      egress: 'allowed',
    },
    {
      doc: 'Namespaces: a namespaced CNP selector without namespace label only selects its own namespace',
      policy: cnp('prod', {
        endpointSelector: { matchLabels: { app: 'backend' } },
        ingress: [{ fromEndpoints: [{ matchLabels: { app: 'frontend' } }] }],
      }),
      from: otherNsFrontend,
      to: backend,
      ingress: 'denied',
      egress: 'allowed',
    },
    {
      doc: 'Namespaces: k8s:io.kubernetes.pod.namespace in fromEndpoints selects another namespace',
      policy: cnp('prod', {
        endpointSelector: { matchLabels: { app: 'backend' } },
        ingress: [
          {
            fromEndpoints: [
              {
                matchLabels: {
                  app: 'frontend',
                  'k8s:io.kubernetes.pod.namespace': 'staging',
                },
              },
            ],
          },
        ],
      }),
      from: otherNsFrontend,
      to: backend,
      ingress: 'allowed',
      egress: 'allowed',
    },
    {
      doc: 'Endpoints Based (matchExpressions In): app In [frontend, admin]',
      policy: cnp('prod', {
        endpointSelector: { matchLabels: { app: 'backend' } },
        ingress: [
          {
            fromEndpoints: [
              {
                matchExpressions: [
                  { key: 'app', operator: 'In', values: ['frontend', 'admin'] },
                ],
              },
            ],
          },
        ],
      }),
      from: frontend,
      to: backend,
      ingress: 'allowed',
      egress: 'allowed',
    },
    {
      doc: 'Endpoints Based (matchExpressions NotIn): app NotIn [frontend]',
      policy: cnp('prod', {
        endpointSelector: { matchLabels: { app: 'backend' } },
        ingress: [
          {
            fromEndpoints: [
              {
                matchExpressions: [
                  { key: 'app', operator: 'NotIn', values: ['frontend'] },
                ],
              },
            ],
          },
        ],
      }),
      from: frontend,
      to: backend,
      ingress: 'denied',
      egress: 'allowed',
    },
    {
      doc: 'Endpoints Based (matchExpressions Exists): tier exists',
      policy: cnp('prod', {
        endpointSelector: { matchLabels: { app: 'backend' } },
        ingress: [
          {
            fromEndpoints: [
              { matchExpressions: [{ key: 'k8s:tier', operator: 'Exists' }] },
            ],
          },
        ],
      }),
      from: frontend,
      to: backend,
      ingress: 'allowed',
      egress: 'allowed',
    },
    {
      doc: 'Endpoints Based (matchExpressions DoesNotExist): tier must be absent',
      policy: cnp('prod', {
        endpointSelector: { matchLabels: { app: 'backend' } },
        ingress: [
          {
            fromEndpoints: [
              { matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] },
            ],
          },
        ],
      }),
      from: frontend,
      to: backend,
      ingress: 'denied',
      egress: 'allowed',
    },
    {
      doc: 'Endpoints Based (egress): toEndpoints allows, the selected source is egress default-deny elsewhere',
      policy: cnp('prod', {
        endpointSelector: { matchLabels: { app: 'frontend' } },
        egress: [{ toEndpoints: [{ matchLabels: { app: 'db' } }] }],
      }),
      from: frontend,
      to: backend,
      ingress: 'allowed',
      egress: 'denied',
    },
    {
      doc: 'Clusterwide policies: a CCNP selector has no implicit namespace',
      policy: ccnp({
        endpointSelector: { matchLabels: { app: 'backend' } },
        ingress: [{ fromEndpoints: [{ matchLabels: { app: 'frontend' } }] }],
      }),
      from: otherNsFrontend,
      to: backend,
      ingress: 'allowed',
      egress: 'allowed',
    },
    {
      doc: 'Endpoints Based: an empty selector {} in a CNP allows the whole own namespace (jobs-app allow-all-within-namespace)',
      policy: cnp('prod', {
        endpointSelector: {},
        ingress: [{ fromEndpoints: [{}] }],
      }),
      from: otherNsFrontend,
      to: backend,
      ingress: 'denied',
      egress: 'allowed',
    },
    {
      doc: 'Layer 4 Examples: a rule with only toPorts applies to every peer; an empty rule {} allows nothing but enables default-deny',
      policy: cnp('prod', {
        endpointSelector: { matchLabels: { app: 'backend' } },
        ingress: [{}],
      }),
      from: frontend,
      to: backend,
      ingress: 'denied',
      egress: 'allowed',
    },
  ])('$doc', ({ policy, from, to, ingress, egress }) => {
    const v = evaluateFlow(policiesFromObjects([policy]), flow(from, to, 8080));
    expect({ ingress: v.ingress.verdict, egress: v.egress.verdict }).toEqual({
      ingress,
      egress,
    });
  });

  it('names the deciding rule and policy', () => {
    const model = policiesFromObjects([
      cnp(
        'prod',
        {
          endpointSelector: { matchLabels: { app: 'backend' } },
          ingress: [
            { fromEndpoints: [{ matchLabels: { app: 'x' } }] },
            { fromEndpoints: [{ matchLabels: { app: 'frontend' } }] },
          ],
        },
        'allow-fe',
      ),
    ]);
    expect(evaluateFlow(model, flow(frontend, backend, 80)).ingress).toEqual({
      verdict: 'allowed',
      reason: 'allow-rule',
      rule: {
        policy: {
          name: 'allow-fe',
          namespace: 'prod',
          kind: 'CiliumNetworkPolicy',
        },
        path: 'spec.ingress[1]',
      },
    });
  });
});

// docs.cilium.io, Policy Language → "Layer 3 Examples" → "Entities Based".
describe('fromEntities / toEntities', () => {
  const world = reserved('world', 2, '198.51.100.7');
  const host = reserved('host', 1, '172.18.0.3');
  const remoteNode = reserved('remote-node', 6, '172.18.0.4');
  const apiserver = reserved('kube-apiserver', 7, '172.18.0.2');
  const egress = (entities: string[]) =>
    cnp('prod', {
      endpointSelector: { matchLabels: { app: 'backend' } },
      egress: [{ toEntities: entities }],
    });
  it.each([
    {
      doc: 'Entities Based: world allows traffic leaving the cluster',
      entities: ['world'],
      to: world,
      egress: 'allowed',
    },
    {
      doc: 'Entities Based: world does not include the host',
      entities: ['world'],
      to: host,
      egress: 'denied',
    },
    {
      doc: 'Entities Based: host is the local node',
      entities: ['host'],
      to: host,
      egress: 'allowed',
    },
    {
      doc: 'Entities Based: remote-node is any other node',
      entities: ['remote-node'],
      to: remoteNode,
      egress: 'allowed',
    },
    {
      doc: 'Entities Based: kube-apiserver',
      entities: ['kube-apiserver'],
      to: apiserver,
      egress: 'allowed',
    },
    {
      doc: 'Entities Based: cluster is every in-cluster endpoint (pods, host, nodes)',
      entities: ['cluster'],
      to: frontend,
      egress: 'allowed',
    },
    {
      doc: 'Entities Based: cluster includes the host',
      entities: ['cluster'],
      to: host,
      egress: 'allowed',
    },
    {
      doc: 'Entities Based: cluster excludes world',
      entities: ['cluster'],
      to: world,
      egress: 'denied',
    },
    {
      doc: 'Entities Based: all is everything',
      entities: ['all'],
      to: world,
      egress: 'allowed',
    },
  ])('$doc', ({ entities, to, egress: expected }) => {
    const v = evaluateFlow(
      policiesFromObjects([egress(entities)]),
      flow(backend, to, 443),
    );
    expect(v.egress.verdict).toBe(expected);
  });

  it('fromEntities world lets outside clients in (ingress decided at the pod)', () => {
    const model = policiesFromObjects([
      cnp('prod', {
        endpointSelector: { matchLabels: { app: 'backend' } },
        ingress: [{ fromEntities: ['world'] }],
      }),
    ]);
    expect(evaluateFlow(model, flow(world, backend, 80)).ingress.verdict).toBe(
      'allowed',
    );
    expect(
      evaluateFlow(model, flow(frontend, backend, 80)).ingress.verdict,
    ).toBe('denied');
    // A reserved source has no egress policy: not an endpoint.
    expect(evaluateFlow(model, flow(world, backend, 80)).egress.reason).toBe(
      'not-an-endpoint',
    );
  });
});

describe('policy shapes', () => {
  it('reads every element of `specs` as its own rule set (CRD: spec or specs)', () => {
    const model = policiesFromObjects([
      {
        apiVersion: 'cilium.io/v2',
        kind: 'CiliumNetworkPolicy',
        metadata: { name: 'multi', namespace: 'prod' },
        specs: [
          {
            endpointSelector: { matchLabels: { app: 'backend' } },
            ingress: [
              { fromEndpoints: [{ matchLabels: { app: 'frontend' } }] },
            ],
          },
          {
            endpointSelector: { matchLabels: { app: 'frontend' } },
            egress: [{ toEndpoints: [{ matchLabels: { app: 'backend' } }] }],
          },
        ],
      },
    ]);
    const v = evaluateFlow(model, flow(frontend, backend, 80));
    expect(v.ingress.rule?.path).toBe('specs[0].ingress[0]');
    expect(v.egress.rule?.path).toBe('specs[1].egress[0]');
    expect(
      evaluateFlow(model, flow(frontend, otherNsFrontend, 80)).egress.verdict,
    ).toBe('denied');
  });

  it('an empty fromEndpoints selector in a CCNP selects pods of every namespace', () => {
    const model = policiesFromObjects([
      ccnp({
        endpointSelector: { matchLabels: { app: 'backend' } },
        ingress: [{ fromEndpoints: [{}] }],
      }),
    ]);
    expect(
      evaluateFlow(model, flow(otherNsFrontend, backend, 80)).ingress.verdict,
    ).toBe('allowed');
    expect(
      evaluateFlow(
        model,
        flow(reserved('world', 2, '198.51.100.1'), backend, 80),
      ).ingress.verdict,
    ).toBe('denied');
  });
});
