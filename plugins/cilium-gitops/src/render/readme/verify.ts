/**
 * **Verify**: the recipe's checks, each with what it prints on a healthy
 * cluster. Platform checks here; the demo apps' checks in `verifyDemos.ts`.
 */
import { sh, output, hasAddon } from './markdown';
import type { ReadmeInput, ReadmeSection } from './types';
import { GRAFANA_TLS_SECRET } from '../components/kubePrometheusStack';

/** Certificates cert-manager issues for the rendered Gateways and Ingresses. */
function certificateNames(input: ReadmeInput): string[] {
  const names: string[] = [];
  for (const obj of input.objects as any[]) {
    if (!obj.metadata.annotations?.['cert-manager.io/cluster-issuer']) continue;
    const ns = obj.metadata.namespace;
    if (obj.kind === 'Gateway') {
      for (const l of obj.spec.listeners ?? [])
        for (const ref of l.tls?.certificateRefs ?? [])
          names.push(`${ns}/${ref.name}`);
    }
    if (obj.kind === 'Ingress') {
      for (const t of obj.spec.tls ?? []) names.push(`${ns}/${t.secretName}`);
    }
  }
  const kps = input.addons.find(a => a.addon.id === 'kube-prometheus-stack');
  if (kps && input.spec.spec.tls)
    names.push(`${kps.addon.namespace}/${GRAFANA_TLS_SECRET}`);
  return names.sort();
}

export function verifyPlatform(input: ReadmeInput): string[] {
  const { spec } = input;
  const nodeCidr = spec.spec.bgp?.router?.workerNodeCIDR;
  const lines = [
    '## Verify',
    '',
    'Run these after `install.sh` once `kubectl -n argocd get applications` shows every Application `Synced` and `Healthy` (the waves take a few minutes). Each check says what a healthy cluster prints.',
    '',
    '### Cilium and its nodes',
    '',
    ...sh('cilium status --wait', 'kubectl get ciliumnodes'),
    `\`cilium status\` ends with every component \`OK\` and no errors. \`kubectl get ciliumnodes\` lists one CiliumNode per node: \`CILIUMINTERNALIP\` inside the pod CIDR \`${
      spec.spec.network.podCIDR
    }\`, \`INTERNALIP\` the node's address${
      nodeCidr ? ` (in \`${nodeCidr}\`)` : ''
    }:`,
    '',
    ...output(
      'NAME      CILIUMINTERNALIP        INTERNALIP         AGE',
      `worker1   <in ${spec.spec.network.podCIDR}>   <node address>   5m`,
    ),
  ];
  if (spec.spec.bgp) {
    lines.push(
      '### BGP and LoadBalancer IPs',
      '',
      ...sh('cilium bgp peers', 'kubectl get ciliumloadbalancerippools'),
      `Every labelled node shows each peer (${spec.spec.bgp.peers
        .map(p => p.address)
        .join(
          ', ',
        )}) with \`Session State\` \`established\`; each pool has \`DISABLED false\`, \`CONFLICTING False\` and IPs available.`,
      '',
    );
  }
  lines.push(
    '### Gateways and HTTPRoutes',
    '',
    ...sh(
      'kubectl get gateway -A',
      'kubectl get httproute -A -o custom-columns=\'ROUTE:.metadata.name,HOSTNAMES:.spec.hostnames,ACCEPTED:.status.parents[0].conditions[?(@.type=="Accepted")].status,RESOLVED:.status.parents[0].conditions[?(@.type=="ResolvedRefs")].status\'',
    ),
    `Every Gateway has \`PROGRAMMED\` \`True\` and an \`ADDRESS\` from a LoadBalancer pool (${spec.spec.network.loadBalancerPools
      .map(p => p.cidr)
      .join(
        ', ',
      )}); every HTTPRoute \`ACCEPTED\` \`True\` and \`RESOLVED\` \`True\`.`,
    '',
  );
  const certificates = certificateNames(input);
  if (hasAddon(input, 'cert-manager') && certificates.length) {
    lines.push(
      '### Certificates',
      '',
      ...sh('kubectl get certificates -A'),
      `\`READY\` \`True\` for ${certificates
        .map(c => `\`${c}\``)
        .join(', ')} (issued by ClusterIssuer \`${
        spec.spec.tls?.clusterIssuer
      }\` over DNS-01; the first ones take a minute or two).`,
      '',
    );
  }
  return lines;
}

export function verifyMesh(input: ReadmeInput): string[] {
  const peers = input.spec.spec.clusterMesh.peers;
  if (peers.length === 0) return [];
  return [
    '### Cluster Mesh',
    '',
    ...sh('cilium clustermesh status --wait'),
    `Healthy: the \`clustermesh-apiserver\` Service has its LoadBalancer address, and under *Cluster Connections* each peer (${peers
      .map(p => `\`${p}\``)
      .join(', ')}) shows all nodes configured and connected, e.g. \`- ${
      peers[0]
    }: 3/3 configured, 3/3 connected\`. Global services and the peers' CiliumNodes are then visible here too.`,
    '',
  ];
}

export const verifySection: ReadmeSection = input => [
  ...verifyPlatform(input),
  ...verifyMesh(input),
];
