import { policiesFromObjects } from '../model/parse';
import { flow, pod, reserved } from '../__testUtils__/flows';
import { evaluateFlow } from './evaluateFlow';

const cnp = (spec: object, name = 'p') => ({
  apiVersion: 'cilium.io/v2',
  kind: 'CiliumNetworkPolicy',
  metadata: { name, namespace: 'prod' },
  spec,
});
const app = pod('prod', 'app');
const client = pod('prod', 'client');
const sel = { matchLabels: { app: 'app' } };

// docs.cilium.io, Policy Language → "Layer 4 Examples".
describe('toPorts', () => {
  const ingress = (toPorts: object[]) =>
    cnp({ endpointSelector: sel, ingress: [{ toPorts }] });
  it.each([
    {
      doc: 'Layer 4 Examples: port 80/TCP allows TCP 80',
      toPorts: [{ ports: [{ port: '80', protocol: 'TCP' }] }],
      port: 80,
      proto: 'TCP',
      verdict: 'allowed',
    },
    {
      doc: 'Layer 4 Examples: port 80/TCP does not allow UDP 80',
      toPorts: [{ ports: [{ port: '80', protocol: 'TCP' }] }],
      port: 80,
      proto: 'UDP',
      verdict: 'denied',
    },
    {
      doc: 'Layer 4 Examples: protocol ANY (the default) covers TCP, UDP and SCTP',
      toPorts: [{ ports: [{ port: '53' }] }],
      port: 53,
      proto: 'SCTP',
      verdict: 'allowed',
    },
    {
      doc: 'Layer 4 Examples: port ranges with endPort include both ends',
      toPorts: [{ ports: [{ port: '8080', endPort: 8090, protocol: 'TCP' }] }],
      port: 8090,
      proto: 'TCP',
      verdict: 'allowed',
    },
    {
      doc: 'Layer 4 Examples: port ranges exclude ports past endPort',
      toPorts: [{ ports: [{ port: '8080', endPort: 8090, protocol: 'TCP' }] }],
      port: 8091,
      proto: 'TCP',
      verdict: 'denied',
    },
    {
      doc: 'Layer 4 Examples: an L4 rule does not match ICMP',
      toPorts: [{ ports: [{ port: '80', protocol: 'TCP' }] }],
      port: undefined,
      proto: 'ICMPv4',
      verdict: 'denied',
    },
    {
      doc: 'Layer 7 Policies: an HTTP rule decides per request → not evaluated',
      toPorts: [
        {
          ports: [{ port: '80', protocol: 'TCP' }],
          rules: { http: [{ method: 'GET' }] },
        },
      ],
      port: 80,
      proto: 'TCP',
      verdict: 'not-evaluated',
    },
    {
      doc: 'Layer 7 Policies: a plain L4 rule next to the L7 one makes the L7 part ineffective',
      toPorts: [
        { ports: [{ port: '80', protocol: 'TCP' }], rules: { http: [{}] } },
        { ports: [{ port: '80', protocol: 'TCP' }] },
      ],
      port: 80,
      proto: 'TCP',
      verdict: 'allowed',
    },
    {
      doc: 'Kubernetes named ports are not resolved → not evaluated',
      toPorts: [{ ports: [{ port: 'http', protocol: 'TCP' }] }],
      port: 80,
      proto: 'TCP',
      verdict: 'not-evaluated',
    },
  ] as const)('$doc', ({ toPorts, port, proto, verdict }) => {
    const v = evaluateFlow(
      policiesFromObjects([ingress([...toPorts])]),
      flow(client, app, port, proto),
    );
    expect(v.ingress.verdict).toBe(verdict);
  });

  it('reports the unmodelled L7 rule as not evaluated with its path', () => {
    const model = policiesFromObjects([
      ingress([
        { ports: [{ port: '80', protocol: 'TCP' }], rules: { http: [{}] } },
      ]),
    ]);
    expect(model.notEvaluated).toEqual([
      {
        policy: { name: 'p', namespace: 'prod', kind: 'CiliumNetworkPolicy' },
        rule: 'spec.ingress[0].toPorts[0].rules.http',
        reason: 'L7 http rules decide per request and are not evaluated',
      },
    ]);
    expect(evaluateFlow(model, flow(client, app, 80)).ingress).toMatchObject({
      verdict: 'not-evaluated',
      rule: { path: 'spec.ingress[0].toPorts[0].rules.http' },
    });
  });
});

// docs.cilium.io, Policy Language → "Layer 3 Examples" → "IP/CIDR based".
describe('toCIDR / toCIDRSet / fromCIDR', () => {
  const out = (ip: string) => reserved('world', 2, ip);
  const egress = (rule: object) =>
    cnp({ endpointSelector: sel, egress: [rule] });
  it.each([
    {
      doc: 'IP/CIDR based: toCIDR allows addresses inside the prefix',
      rule: { toCIDR: ['20.1.1.1/32'] },
      to: out('20.1.1.1'),
      verdict: 'allowed',
    },
    {
      doc: 'IP/CIDR based: toCIDR does not allow other addresses',
      rule: { toCIDR: ['20.1.1.1/32'] },
      to: out('20.1.1.2'),
      verdict: 'denied',
    },
    {
      doc: 'IP/CIDR based: toCIDRSet allows the prefix',
      rule: { toCIDRSet: [{ cidr: '10.0.0.0/8', except: ['10.96.0.0/12'] }] },
      to: out('10.1.2.3'),
      verdict: 'allowed',
    },
    {
      doc: 'IP/CIDR based: toCIDRSet except carves out a sub-prefix',
      rule: { toCIDRSet: [{ cidr: '10.0.0.0/8', except: ['10.96.0.0/12'] }] },
      to: out('10.100.0.1'),
      verdict: 'denied',
    },
    {
      doc: 'IP/CIDR based: IPv6 prefixes',
      rule: { toCIDR: ['2001:db8::/32'] },
      to: out('2001:db8::7'),
      verdict: 'allowed',
    },
    {
      doc: 'IP/CIDR based: CIDR rules do not select cluster endpoints',
      rule: { toCIDR: ['0.0.0.0/0'] },
      to: { ...client, ip: '10.0.0.5' },
      verdict: 'denied',
    },
    {
      doc: 'IP/CIDR based: CIDR groups are not evaluated',
      rule: { toCIDRSet: [{ cidrGroupRef: 'office' }] },
      to: out('20.1.1.1'),
      verdict: 'not-evaluated',
    },
  ])('$doc', ({ rule, to, verdict }) => {
    expect(
      evaluateFlow(policiesFromObjects([egress(rule)]), flow(app, to, 443))
        .egress.verdict,
    ).toBe(verdict);
  });

  it('fromCIDR allows an outside client in', () => {
    const model = policiesFromObjects([
      cnp({ endpointSelector: sel, ingress: [{ fromCIDR: ['192.0.2.0/24'] }] }),
    ]);
    expect(
      evaluateFlow(model, flow(out('192.0.2.9'), app, 443)).ingress.verdict,
    ).toBe('allowed');
    expect(
      evaluateFlow(model, flow(out('198.51.100.9'), app, 443)).ingress.verdict,
    ).toBe('denied');
  });
});

// docs.cilium.io, Policy Language → "DNS based".
describe('toFQDNs', () => {
  const api = reserved('world', 2, '203.0.113.10', ['api.github.com']);
  const dnsRule = {
    toEndpoints: [
      {
        matchLabels: {
          'k8s:io.kubernetes.pod.namespace': 'kube-system',
          'k8s:k8s-app': 'kube-dns',
        },
      },
    ],
    toPorts: [
      {
        ports: [{ port: '53', protocol: 'ANY' }],
        rules: { dns: [{ matchPattern: '*' }] },
      },
    ],
  };
  it.each([
    {
      doc: 'DNS based: matchName with the DNS rule toward kube-dns',
      rules: [dnsRule, { toFQDNs: [{ matchName: 'api.github.com' }] }],
      verdict: 'allowed',
    },
    {
      doc: 'DNS based: matchPattern *.github.com',
      rules: [dnsRule, { toFQDNs: [{ matchPattern: '*.github.com' }] }],
      verdict: 'allowed',
    },
    {
      doc: 'DNS based: matchPattern * matches one label only',
      rules: [dnsRule, { toFQDNs: [{ matchPattern: '*.com' }] }],
      verdict: 'denied',
    },
    {
      doc: 'DNS based: other names are not allowed',
      rules: [dnsRule, { toFQDNs: [{ matchName: 'example.org' }] }],
      verdict: 'denied',
    },
    {
      doc: 'DNS based: without a DNS rule the proxy never learns the IPs, so toFQDNs allows nothing',
      rules: [{ toFQDNs: [{ matchName: 'api.github.com' }] }],
      verdict: 'denied',
    },
    {
      doc: 'DNS based: the DNS rule must cover the name (matchPattern *.example.org does not)',
      rules: [
        {
          ...dnsRule,
          toPorts: [
            {
              ports: [{ port: '53', protocol: 'ANY' }],
              rules: { dns: [{ matchPattern: '*.example.org' }] },
            },
          ],
        },
        { toFQDNs: [{ matchName: 'api.github.com' }] },
      ],
      verdict: 'denied',
    },
  ])('$doc', ({ rules, verdict }) => {
    const model = policiesFromObjects([
      cnp({ endpointSelector: sel, egress: rules }),
    ]);
    expect(evaluateFlow(model, flow(app, api, 443)).egress.verdict).toBe(
      verdict,
    );
  });

  it('the DNS query itself is allowed by the DNS rule', () => {
    const model = policiesFromObjects([
      cnp({ endpointSelector: sel, egress: [dnsRule] }),
    ]);
    const kubeDns = pod('kube-system', 'coredns', ['k8s:k8s-app=kube-dns']);
    expect(
      evaluateFlow(model, flow(app, kubeDns, 53, 'UDP')).egress,
    ).toMatchObject({ verdict: 'allowed', rule: { path: 'spec.egress[0]' } });
  });
});
