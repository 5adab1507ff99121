/**
 * README sections of the generated repository about routing: the FRR router
 * (what it announces and why ClusterIPs are reached through static routes)
 * and the Cluster Mesh (addresses, names, the shared mesh CA). Names and
 * commands only, never a secret value.
 */
import {
  CLUSTERMESH_PORT,
  clustermeshApiserverIP,
  clustermeshServerName,
  meshDomain,
} from '../../spec/clusterMesh';
import type { ClusterSpec } from '../../spec/types';
import type { ReadmeSection } from './types';
import { CERT_MANAGER_WEBHOOK_HOST_PORT } from '../components/externalControlPlane';
import { FRR_CONF_PATH } from '../components/frrConf';

function routerSection(spec: ClusterSpec): string[] {
  const router = spec.spec.bgp?.router;
  if (!router) return [];
  const { network, controlPlane, clusterMesh } = spec.spec;
  const exported = [
    `the LoadBalancer pools (${network.loadBalancerPools
      .map(p => p.cidr)
      .join(', ')})`,
    ...(network.routingMode === 'native'
      ? [`the pod CIDR (${network.podCIDR})`]
      : []),
    ...(controlPlane.external
      ? [`the service CIDR (${network.serviceCIDR})`]
      : []),
    ...(controlPlane.external || clusterMesh.peers.length
      ? [`the worker CIDR (${router.workerNodeCIDR})`]
      : []),
  ];
  const upstream = router.upstream
    ? `exports to its upstream ${router.upstream.address} (AS ${
        router.upstream.asn
      }) ${exported.join(', ')}.`
    : 'has no upstream neighbor.';
  const lines = [
    '### What the router announces',
    '',
    `\`${FRR_CONF_PATH}\` configures \`${router.hostname}\` (AS ${router.asn}): it peers with the nodes labelled for BGP, accepts their LoadBalancer and pod prefixes, and ${upstream}`,
  ];
  if (controlPlane.external) {
    lines.push(
      '#### The external control plane reaches ClusterIPs',
      '',
      `The API server (${controlPlane.apiServerHost}) runs outside the cluster, yet calls admission webhooks by ClusterIP. Cilium answers for ClusterIPs from outside (\`bpf.lbExternalClusterIP: true\`), and the router sends the service CIDR ${network.serviceCIDR} to every worker (\`ip route ${network.serviceCIDR} <worker>\`, equal-cost), announces it and the worker CIDR, and exports both upstream.`,
      '',
      'Why static routes and not a `CiliumBGPAdvertisement` of ClusterIPs: the routes exist before Cilium or any BGP session is up (the BGP objects only sync in wave -1, and webhooks are needed from wave 0 on), they are one aggregate prefix instead of a /32 per Service, and since any node forwards any ClusterIP, equal-cost routes over all workers are correct. The price: `spec.bgp.router.workerNodes` must list the workers; re-render when they change.',
      '',
      `cert-manager's webhook runs on the host network on port ${CERT_MANAGER_WEBHOOK_HOST_PORT} (10250 is the kubelet's), and the OpenTelemetry operator's webhooks are off, as in the recipe.`,
      '',
    );
  }
  return lines;
}

function meshSection(spec: ClusterSpec): string[] {
  const mesh = spec.spec.clusterMesh;
  if (mesh.peers.length === 0) return [];
  const domain = meshDomain(spec);
  const ca = mesh.caName ? `\`${mesh.caName}\`` : 'of this mesh';
  return [
    '## Cluster Mesh',
    '',
    `This cluster's clustermesh-apiserver is \`${clustermeshServerName(
      spec,
    )}:${CLUSTERMESH_PORT}\` at ${clustermeshApiserverIP(
      spec,
    )}, pinned with the \`lbipam.cilium.io/ips\` annotation so that neither its DNS name nor its peers' configuration drift. Its server certificate carries that name and address.`,
    '',
    'Peers, dialled by the name their certificates carry:',
    '',
    ...[...mesh.peers].sort().map(peer => {
      const ip = mesh.peerIPs?.[peer];
      return ip
        ? `- \`${peer}.${domain}:${CLUSTERMESH_PORT}\`, resolved to ${ip} by Cilium's host aliases (no DNS lookup).`
        : `- \`${peer}.${domain}:${CLUSTERMESH_PORT}\`, resolved through DNS (ExternalDNS of ${peer} publishes it); set \`spec.clusterMesh.peerIPs.${peer}\` to pin it.`;
    }),
    '',
    `### The shared mesh CA ${ca}`,
    '',
    'Every cluster of the mesh trusts the others because they share one Cilium CA. Make it once per mesh, not once per cluster, and keep it where your team keeps keys:',
    '',
    '```sh',
    'openssl req -x509 -newkey rsa:4096 -sha256 -days 3650 -nodes \\',
    '  -keyout ca.key -out ca.crt -subj "/CN=Cilium Mesh CA"',
    '```',
    '',
    "Each cluster of the mesh needs it, before bootstrap, as the Secret `cilium-ca` in `kube-system` with the keys `ca.crt` and `ca.key` (see Secrets below). The certgen job then issues this cluster's Cluster Mesh certificates from it. Check the mesh with `yarn cilium-gitops validate-mesh <dir>` before rendering, and with `cilium clustermesh status --wait` once both clusters run.",
    '',
  ];
}

/** What the router announces and why (under the FRR router section). */
export const routerAnnouncementsSection: ReadmeSection = ({ spec }) =>
  routerSection(spec);

/** The Cluster Mesh section: addresses, names, the shared mesh CA. */
export const clusterMeshSection: ReadmeSection = ({ spec }) =>
  meshSection(spec);
