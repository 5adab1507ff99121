/**
 * The `tenant-jobs` demo policies as the Kubernetes API returns them, for
 * tests and the Kubernetes test server. Written after the jobs-app chart's
 * policies (isovalent/cilium-grafana-observability-demo,
 * helm/jobs-app/templates/cilium-network-policies.yaml: the kube-dns DNS
 * rule on port 53/ANY with `rules.dns matchPattern "*"`, namespace-wide
 * `endpointSelector: {}`), narrowed to the workloads and policy names the
 * Hubble Relay demo flows report (test/src/hubble/fixtures/demoPeers.ts
 * DEMO_POLICIES: allow-scheduler-to-worker, allow-kube-dns,
 * deny-cross-tenant, allow-jobs-to-reporting, bookinfo-details), so the
 * evaluator's verdicts can be compared with the Relay's.
 */

const cnp = (
  namespace: string,
  name: string,
  spec: Record<string, unknown>,
) => ({
  apiVersion: 'cilium.io/v2',
  kind: 'CiliumNetworkPolicy',
  metadata: { name, namespace },
  spec,
});

/** CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy objects of the demo cluster. */
export function tenantJobsPolicies(): Record<string, unknown>[] {
  return [
    cnp('tenant-jobs', 'allow-scheduler-to-worker', {
      endpointSelector: { matchLabels: { app: 'worker' } },
      ingress: [
        {
          fromEndpoints: [{ matchLabels: { app: 'scheduler' } }],
          toPorts: [{ ports: [{ port: '8080', protocol: 'TCP' }] }],
        },
      ],
    }),
    // DNS visibility for every tenant-jobs pod, like the chart's
    // dns-visibility policy, without turning on egress default-deny (the
    // scheduler's other egress is still open: what readiness reports).
    // The demo CoreDNS pods carry `app=kube-dns`.
    cnp('tenant-jobs', 'allow-kube-dns', {
      endpointSelector: {},
      enableDefaultDeny: { egress: false },
      egress: [
        {
          toEndpoints: [
            {
              matchLabels: {
                'k8s:io.kubernetes.pod.namespace': 'kube-system',
                'k8s:app': 'kube-dns',
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
      ],
    }),
    // The worker only talks inside the cluster: egress default-deny for it,
    // so its download from the internet is dropped (policy-verdict:none).
    cnp('tenant-jobs', 'allow-worker-in-cluster', {
      endpointSelector: { matchLabels: { app: 'worker' } },
      egress: [{ toEntities: ['cluster'] }],
    }),
    cnp('tenant-jobs', 'allow-jobs-to-reporting', {
      endpointSelector: { matchLabels: { app: 'reporting' } },
      ingress: [
        {
          fromEndpoints: [{ matchLabels: { app: 'scheduler' } }],
          toPorts: [{ ports: [{ port: '8443', protocol: 'TCP' }] }],
        },
      ],
    }),
    {
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumClusterwideNetworkPolicy',
      metadata: { name: 'deny-cross-tenant' },
      spec: {
        endpointSelector: {
          matchExpressions: [
            {
              key: 'k8s:io.kubernetes.pod.namespace',
              operator: 'In',
              values: ['tenant-jobs'],
            },
          ],
        },
        // A clusterwide guard rail: deny only, without turning on default-deny.
        enableDefaultDeny: { ingress: false },
        ingressDeny: [
          {
            fromEndpoints: [
              {
                matchExpressions: [
                  {
                    key: 'k8s:io.kubernetes.pod.namespace',
                    operator: 'NotIn',
                    values: ['tenant-jobs', 'kube-system'],
                  },
                ],
              },
            ],
          },
        ],
      },
    },
    cnp('bookinfo', 'bookinfo-details', {
      endpointSelector: { matchLabels: { app: 'details' } },
      ingress: [
        {
          fromEndpoints: [{ matchLabels: { app: 'productpage' } }],
          toPorts: [{ ports: [{ port: '9080', protocol: 'TCP' }] }],
        },
      ],
    }),
  ];
}
