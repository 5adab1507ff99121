/**
 * An example CiliumLoadBalancerIPPool for the empty state, in the style of
 * `../common/configSnippets.ts` (this package has no YAML library; the
 * snippet is a fixed example, not generated output).
 */
export function lbIpPoolSnippet(): string {
  return [
    'apiVersion: cilium.io/v2',
    'kind: CiliumLoadBalancerIPPool',
    'metadata:',
    '  name: default-pool',
    'spec:',
    '  # Addresses for Services of type LoadBalancer (no serviceSelector: every Service)',
    '  blocks:',
    '    - cidr: 192.0.2.240/29',
  ].join('\n');
}
