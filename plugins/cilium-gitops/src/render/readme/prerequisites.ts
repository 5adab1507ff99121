/** What must be true before anything here is installed. */
import { sh } from './markdown';
import type { ReadmeSection } from './types';

export const prerequisitesSection: ReadmeSection = ({ spec }) => {
  const { controlPlane, network } = spec.spec;
  const api = `https://${controlPlane.apiServerHost}:${controlPlane.apiServerPort}`;
  const pools = network.loadBalancerPools
    .map(p => `\`${p.cidr}\` (${p.name})`)
    .join(', ');
  return [
    '## Prerequisites',
    '',
    'On your machine: `kubectl`, `helm`, `git`, the `cilium` CLI and the `hubble` CLI, and a kubeconfig for this cluster.',
    '',
    `1. **The API server answers at \`${api}\`** (\`spec.controlPlane\`), from your machine and from every worker${
      controlPlane.external
        ? ' (it runs outside the cluster, so Cilium reaches it by this address, never by the `kubernetes` Service)'
        : ''
    }:`,
    '',
    ...sh(`kubectl get --raw /readyz   # prints: ok`).map(l => `   ${l}`),
    '2. **The workers have joined and are `NotReady`**: there is no CNI yet, Cilium is installed by the bootstrap.',
    '',
    ...sh('kubectl get nodes   # every worker listed, STATUS NotReady').map(
      l => `   ${l}`,
    ),
    '3. **No kube-proxy**: Cilium replaces it (`kubeProxyReplacement: true`). With kubeadm, run `kubeadm init --skip-phases=addon/kube-proxy`; on an existing cluster delete the DaemonSet and its ConfigMap.',
    '',
    ...sh(
      'kubectl -n kube-system get daemonset kube-proxy   # prints: Error from server (NotFound)',
    ).map(l => `   ${l}`),
    '4. **CoreDNS is deployed** (its pods stay `Pending` until Cilium runs):',
    '',
    ...sh('kubectl -n kube-system get deployment coredns').map(l => `   ${l}`),
    `5. **The CIDRs match the spec.** Pods: \`${network.podCIDR}\` (the controller manager's \`--cluster-cidr\`; Cilium uses \`ipam.mode: kubernetes\`, so every node's \`spec.podCIDR\` must lie inside it). Services: \`${network.serviceCIDR}\` (the API server's \`--service-cluster-ip-range\`). LoadBalancer pools ${pools} must be routable on your network and overlap neither.`,
    '',
    ...sh(
      'kubectl get nodes -o custom-columns=NAME:.metadata.name,PODCIDR:.spec.podCIDR',
    ).map(l => `   ${l}`),
  ];
};
