/**
 * A third cluster unlike the two examples: other names, CIDRs, ASNs (a
 * 4-byte one), two LB pools, native routing and a different mesh. Renderer
 * tests use it so that nothing only holds for democluster1/2.
 */
import { exampleClusterSpecDocument } from '../../spec/example';
import { parseClusterSpec } from '../../spec/parse';
import type { ClusterSpec } from '../../spec/types';

export function thirdClusterDoc(): any {
  const doc: any = exampleClusterSpecDocument();
  doc.metadata.name = 'edge-lab-7';
  doc.spec.clusterId = 7;
  doc.spec.gitops.repoURL = 'https://git.example.org/platform/edge-lab-7.git';
  doc.spec.controlPlane = {
    apiServerHost: '192.168.200.10',
    apiServerPort: 6443,
    external: true,
  };
  doc.spec.network = {
    podCIDR: '172.30.0.0/16',
    serviceCIDR: '10.96.0.0/12',
    routingMode: 'native',
    loadBalancerPools: [
      { name: 'public', cidr: '198.51.100.0/27' },
      { name: 'mesh', cidr: '192.168.60.0/28' },
    ],
  };
  doc.spec.bgp = {
    localASN: 4200000101,
    nodeSelector: { 'node-role.example.org/edge': 'true' },
    peers: [{ name: 'tor', address: '192.168.10.1', asn: 65020 }],
    router: {
      hostname: 'tor-edge-7',
      asn: 65020,
      routerId: '192.168.10.1',
      workerNodeCIDR: '192.168.10.0/25',
      workerNodes: ['192.168.10.11', '192.168.10.12'],
      upstream: { address: '192.168.10.126', asn: 65000 },
    },
  };
  doc.spec.dns = {
    domain: 'lab7.edge.example.org',
    rfc2136: {
      host: '192.168.200.53',
      zone: 'edge.example.org',
      tsigKeyName: 'lab7-dns',
      tsigSecretRef: { name: 'dns-tsig', key: 'secret' },
    },
  };
  doc.spec.observability.grafanaHost = 'grafana.lab7.edge.example.org';
  doc.spec.observability.hubbleUIHost = 'hubble.lab7.edge.example.org';
  doc.spec.clusterMesh = {
    peers: ['edge-lab-8', 'edge-lab-9'],
    apiserverIP: '192.168.60.5',
    peerIPs: { 'edge-lab-8': '192.168.61.5' },
    caName: 'edge-mesh-ca',
  };
  return doc;
}

export function thirdClusterSpec(): ClusterSpec {
  return parseClusterSpec(thirdClusterDoc());
}
