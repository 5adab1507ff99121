/**
 * CiliumNetworkPolicies for the jobs-app demo's namespace, shaped like the
 * L3/L4 examples of docs.cilium.io (Network Policy → Layer 3 Examples,
 * Layer 4 Examples): an endpointSelector by label, fromEndpoints/toEndpoints
 * by label, toPorts with a port and protocol.
 */
export function cnp(
  name: string,
  spec: Record<string, unknown>,
  namespace = 'tenant-jobs',
) {
  return {
    apiVersion: 'cilium.io/v2',
    kind: 'CiliumNetworkPolicy',
    metadata: { name, namespace },
    spec,
  };
}

export const coreapiIngress = cnp('coreapi-ingress', {
  endpointSelector: { matchLabels: { app: 'coreapi' } },
  ingress: [
    {
      fromEndpoints: [{ matchLabels: { app: 'resumes' } }],
      toPorts: [{ ports: [{ port: '9080', protocol: 'TCP' }] }],
    },
  ],
});

export const crawlerEgress = cnp('crawler-egress', {
  endpointSelector: { matchLabels: { app: 'crawler' } },
  egress: [
    {
      toEndpoints: [{ matchLabels: { app: 'loader' } }],
      toPorts: [{ ports: [{ port: '50051', protocol: 'TCP' }] }],
    },
  ],
});

export const loaderIngress = cnp('loader-ingress', {
  endpointSelector: { matchLabels: { app: 'loader' } },
  ingress: [{ fromEndpoints: [{ matchLabels: { app: 'crawler' } }] }],
});
