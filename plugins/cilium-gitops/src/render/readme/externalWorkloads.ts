/** The recipe's VM, and what replaces it on current Cilium. */
import type { ReadmeSection } from './types';

export const externalWorkloadsSection: ReadmeSection = () => [
  "## External workloads (the recipe's VM)",
  '',
  'The recipe joined a VM to the cluster as a Cilium *external workload* (`CiliumExternalWorkload`, `cilium clustermesh vm ...`). **Cilium removed external workloads in 1.18** (deprecated in 1.17), so this repository cannot set one up and no supported Cilium version has them. Instead:',
  '',
  '- **VM → cluster:** reach Services through their LoadBalancer IPs (LB-IPAM, announced over BGP) or a Gateway; the VM needs no Cilium.',
  '- **Cluster → VM:** give the VM a name in the cluster with a Service without selector plus an EndpointSlice holding its address, and allow it in policies with `toCIDR`/`toFQDNs` rules.',
  '- **The VM as a member:** join it as a Kubernetes node (tainted so only chosen pods land there); Cilium then runs on it and it gets an identity like any node.',
  '',
];
