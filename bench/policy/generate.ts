/**
 * Generated policies and flows for `yarn bench:policy`: `namespaces` ×
 * `workloads` apps; per app one CiliumNetworkPolicy with ingress from two
 * neighbours (one port range), egress to the next app, kube-dns with a DNS
 * rule, a toFQDNs and a toCIDRSet with except. Flows: requests between
 * neighbours, DNS queries, FQDN and CIDR egress, some to unlisted ports.
 */
import type { FlowEndpoint, FlowRecord } from '@internal/plugin-cilium-common';

export interface BenchShape {
  namespaces: number;
  workloads: number;
  flows: number;
}

const ns = (i: number) => `team-${i}`;
const app = (j: number) => `app-${j}`;

function pod(n: number, w: number): FlowEndpoint {
  return {
    identity: 20000 + n * 1000 + w,
    namespace: ns(n),
    podName: `${app(w)}-0`,
    labels: [`k8s:app=${app(w)}`, `k8s:io.kubernetes.pod.namespace=${ns(n)}`],
    names: [],
    workloads: [{ name: app(w), kind: 'Deployment' }],
  };
}

const kubeDns: FlowEndpoint = {
  identity: 102,
  namespace: 'kube-system',
  labels: [
    'k8s:io.kubernetes.pod.namespace=kube-system',
    'k8s:k8s-app=kube-dns',
  ],
  names: [],
  workloads: [{ name: 'coredns', kind: 'Deployment' }],
};

export function generatePolicies(shape: BenchShape): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (let n = 0; n < shape.namespaces; n++) {
    // Every other workload has a policy; the rest are what readiness finds.
    for (let w = 0; w < shape.workloads; w += 2) {
      out.push({
        apiVersion: 'cilium.io/v2',
        kind: 'CiliumNetworkPolicy',
        metadata: { name: `${app(w)}-policy`, namespace: ns(n) },
        spec: {
          endpointSelector: { matchLabels: { app: app(w) } },
          ingress: [
            {
              fromEndpoints: [
                { matchLabels: { app: app((w + 1) % shape.workloads) } },
                {
                  matchExpressions: [
                    {
                      key: 'app',
                      operator: 'In',
                      values: [app((w + 2) % shape.workloads)],
                    },
                  ],
                },
              ],
              toPorts: [
                { ports: [{ port: '8000', endPort: 8100, protocol: 'TCP' }] },
              ],
            },
          ],
          egress: [
            {
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
            },
            {
              toEndpoints: [
                {
                  matchLabels: {
                    app: app((w + shape.workloads - 1) % shape.workloads),
                  },
                },
              ],
              toPorts: [{ ports: [{ port: '8080', protocol: 'TCP' }] }],
            },
            {
              toFQDNs: [{ matchPattern: `*.svc-${w}.example.com` }],
              toPorts: [{ ports: [{ port: '443', protocol: 'TCP' }] }],
            },
            {
              toCIDRSet: [
                { cidr: '198.51.100.0/24', except: ['198.51.100.128/25'] },
              ],
            },
          ],
        },
      });
    }
  }
  return out;
}

export function generateFlows(shape: BenchShape): FlowRecord[] {
  const flows: FlowRecord[] = [];
  const start = Date.parse('2026-11-26T10:00:00.000Z');
  for (let i = 0; i < shape.flows; i++) {
    const n = i % shape.namespaces;
    const w = Math.floor(i / shape.namespaces) % shape.workloads;
    const source = pod(n, w);
    let destination: FlowEndpoint;
    let port = 8080;
    let protocol: 'TCP' | 'UDP' = 'TCP';
    switch (i % 5) {
      case 0:
        destination = pod(n, (w + shape.workloads - 1) % shape.workloads);
        break;
      case 1:
        destination = kubeDns;
        port = 53;
        protocol = 'UDP';
        break;
      case 2:
        destination = {
          identity: 2,
          labels: ['reserved:world'],
          ip: `203.0.113.${w % 250}`,
          names: [`api.svc-${w}.example.com`],
          workloads: [],
        };
        port = 443;
        break;
      case 3:
        destination = {
          identity: 2,
          labels: ['reserved:world'],
          ip: `198.51.100.${i % 256}`,
          names: [],
          workloads: [],
        };
        port = 5432;
        break;
      default:
        destination = pod(n, (w + 7) % shape.workloads);
        port = 9000 + (i % 3);
    }
    flows.push({
      time: new Date(start + i * 10).toISOString(),
      verdict: 'FORWARDED',
      eventType: { type: 4, subType: 0 },
      isPolicyVerdict: false,
      trafficDirection: 'EGRESS',
      isReply: false,
      source,
      destination,
      l4: { protocol, sourcePort: 40000 + (i % 20000), destinationPort: port },
      allowedBy: [],
      deniedBy: [],
      summary: '',
      line: '',
      // Printed columns: the evaluator never reads them.
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
    });
  }
  return flows;
}
