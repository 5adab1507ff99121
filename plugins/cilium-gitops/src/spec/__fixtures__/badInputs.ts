/**
 * Bad cluster specs and the exact error the user sees for each: a mutation
 * of the valid example, the field path and the rule. Shared by the spec
 * tests and the CLI tests (which also check that nothing was written).
 */
import { PLANTED_SECRETS } from './validSpec';

export interface BadInput {
  name: string;
  mutate(doc: Record<string, any>): void;
  path: string;
  message: string;
}

export const BAD_INPUTS: BadInput[] = [
  {
    name: 'wrong apiVersion',
    mutate: d => (d.apiVersion = 'cilium-gitops/v1'),
    path: 'apiVersion',
    message: 'must be "cilium-gitops/v1alpha1", got "cilium-gitops/v1"',
  },
  {
    name: 'cluster name with upper case',
    mutate: d => (d.metadata.name = 'DemoCluster'),
    path: 'metadata.name',
    message:
      '"DemoCluster" is not a DNS-1123 label of at most 32 characters (lowercase letters, digits and "-", starting and ending with a letter or digit)',
  },
  {
    name: 'cluster name longer than 32',
    mutate: d => (d.metadata.name = 'a'.repeat(33)),
    path: 'metadata.name',
    message: `"${'a'.repeat(
      33,
    )}" is not a DNS-1123 label of at most 32 characters (lowercase letters, digits and "-", starting and ending with a letter or digit)`,
  },
  {
    name: 'cluster name "default"',
    mutate: d => (d.metadata.name = 'default'),
    path: 'metadata.name',
    message: '"default" is reserved by Cilium for clusters without an id',
  },
  {
    name: 'owner that is not an entity reference',
    mutate: d => (d.metadata.owner = 'Platform Team'),
    path: 'metadata.owner',
    message:
      '"Platform Team" is not a Backstage entity reference (e.g. platform-team or group:default/platform-team)',
  },
  {
    name: 'cluster id 0',
    mutate: d => (d.spec.clusterId = 0),
    path: 'spec.clusterId',
    message: '0 is not a valid Cilium cluster id (an integer 1..255)',
  },
  {
    name: 'cluster id 256',
    mutate: d => (d.spec.clusterId = 256),
    path: 'spec.clusterId',
    message: '256 is not a valid Cilium cluster id (an integer 1..255)',
  },
  {
    name: 'cluster id as text',
    mutate: d => (d.spec.clusterId = 'one'),
    path: 'spec.clusterId',
    message: 'must be a number, got a string',
  },
  {
    name: 'unsupported Cilium minor',
    mutate: d => (d.spec.cilium.version = '1.17.4'),
    path: 'spec.cilium.version',
    message: '"1.17.4" is not supported (supported minors: 1.18, 1.19, 1.20)',
  },
  {
    name: 'unquoted Cilium minor read as a number',
    mutate: d => (d.spec.cilium.version = 1.2),
    path: 'spec.cilium.version',
    message:
      '1.2 is a number; quote the version (e.g. "1.20"), YAML reads 1.20 as 1.2',
  },
  {
    name: 'invalid pod CIDR prefix',
    mutate: d => (d.spec.network.podCIDR = '10.0.0.0/33'),
    path: 'spec.network.podCIDR',
    message: '10.0.0.0/33 is not a valid IPv4 CIDR',
  },
  {
    name: 'service CIDR with host bits',
    mutate: d => (d.spec.network.serviceCIDR = '10.192.0.1/12'),
    path: 'spec.network.serviceCIDR',
    message: '10.192.0.1/12 has host bits set (did you mean 10.192.0.0/12?)',
  },
  {
    name: 'service CIDR overlaps pod CIDR',
    mutate: d => (d.spec.network.serviceCIDR = '10.0.128.0/17'),
    path: 'spec.network.serviceCIDR',
    message: '10.0.128.0/17 overlaps spec.network.podCIDR (10.0.0.0/16)',
  },
  {
    name: 'LB pool overlaps service CIDR',
    mutate: d => (d.spec.network.loadBalancerPools[0].cidr = '10.200.0.0/24'),
    path: 'spec.network.loadBalancerPools[0].cidr',
    message: '10.200.0.0/24 overlaps spec.network.serviceCIDR (10.192.0.0/12)',
  },
  {
    name: 'worker node CIDR overlaps an LB pool',
    mutate: d => {
      d.spec.network.loadBalancerPools[0].cidr = '172.22.5.128/25';
    },
    path: 'spec.bgp.router.workerNodeCIDR',
    message:
      '172.22.5.0/24 overlaps spec.network.loadBalancerPools[0].cidr (172.22.5.128/25)',
  },
  {
    name: 'duplicate LB pool names',
    mutate: d =>
      d.spec.network.loadBalancerPools.push({
        name: 'default',
        cidr: '10.245.13.0/24',
      }),
    path: 'spec.network.loadBalancerPools[1].name',
    message:
      '"default" repeats spec.network.loadBalancerPools[0].name; pool names must be unique',
  },
  {
    name: 'no LB pool',
    mutate: d => (d.spec.network.loadBalancerPools = []),
    path: 'spec.network.loadBalancerPools',
    message:
      'needs at least one pool (Gateways and Ingresses get their IPs from it)',
  },
  {
    name: 'unknown routing mode',
    mutate: d => (d.spec.network.routingMode = 'vxlan'),
    path: 'spec.network.routingMode',
    message: '"vxlan" is not one of tunnel, native',
  },
  {
    name: 'native routing without BGP',
    mutate: d => {
      d.spec.network.routingMode = 'native';
      delete d.spec.bgp;
    },
    path: 'spec.network.routingMode',
    message:
      'native routing needs spec.bgp (pod CIDRs are announced over BGP); use tunnel or add spec.bgp',
  },
  {
    name: 'local ASN 0',
    mutate: d => (d.spec.bgp.localASN = 0),
    path: 'spec.bgp.localASN',
    message: '0 is not a valid ASN (an integer 1..4294967295)',
  },
  {
    name: 'peer ASN above 32 bits',
    mutate: d => (d.spec.bgp.peers[0].asn = 4294967296),
    path: 'spec.bgp.peers[0].asn',
    message: '4294967296 is not a valid ASN (an integer 1..4294967295)',
  },
  {
    name: 'AS_TRANS',
    mutate: d => (d.spec.bgp.localASN = 23456),
    path: 'spec.bgp.localASN',
    message:
      '23456 is AS_TRANS (RFC 6793), reserved; use a private ASN (64512..65534 or 4200000000..4294967294)',
  },
  {
    name: 'peer address not IPv4',
    mutate: d => (d.spec.bgp.peers[0].address = '172.22.5.300'),
    path: 'spec.bgp.peers[0].address',
    message: '"172.22.5.300" is not a valid IPv4 address',
  },
  {
    name: 'API server address inside the service CIDR',
    mutate: d => (d.spec.controlPlane.apiServerHost = '10.192.0.1'),
    path: 'spec.controlPlane.apiServerHost',
    message:
      '10.192.0.1 is inside spec.network.serviceCIDR (10.192.0.0/12), which Cilium routes inside the cluster',
  },
  {
    name: 'BGP peer inside an LB pool',
    mutate: d => {
      d.spec.bgp.peers[0].address = '10.245.12.1';
      delete d.spec.bgp.router;
    },
    path: 'spec.bgp.peers[0].address',
    message:
      '10.245.12.1 is inside spec.network.loadBalancerPools[0].cidr (10.245.12.0/24), which Cilium routes inside the cluster',
  },
  {
    name: 'duplicate peer names',
    mutate: d =>
      d.spec.bgp.peers.push({
        name: 'upstream',
        address: '172.22.5.2',
        asn: 64513,
      }),
    path: 'spec.bgp.peers[1].name',
    message:
      '"upstream" repeats spec.bgp.peers[0].name; peer names must be unique',
  },
  {
    name: 'router ASN differs from the peer that is the router',
    mutate: d => (d.spec.bgp.router.asn = 64514),
    path: 'spec.bgp.peers[0].asn',
    message:
      '64513 differs from spec.bgp.router.asn (64514), but both describe the router 172.22.5.1',
  },
  {
    name: 'worker node outside its CIDR',
    mutate: d => (d.spec.bgp.router.workerNodes[2] = '172.22.6.33'),
    path: 'spec.bgp.router.workerNodes[2]',
    message:
      '172.22.6.33 is not inside spec.bgp.router.workerNodeCIDR (172.22.5.0/24)',
  },
  {
    name: 'router no peer points at',
    mutate: d => (d.spec.bgp.router.routerId = '172.22.5.9'),
    path: 'spec.bgp.router.routerId',
    message:
      '172.22.5.9 is not the address of any spec.bgp.peers entry, so the cluster would never peer with this router',
  },
  {
    name: 'Grafana host outside the cluster domain',
    mutate: d => (d.spec.observability.grafanaHost = 'grafana.example.org'),
    path: 'spec.observability.grafanaHost',
    message:
      'grafana.example.org is not under spec.dns.domain (c1demo.example.net)',
  },
  {
    name: 'Hubble UI host not a FQDN',
    mutate: d => (d.spec.observability.hubbleUIHost = 'hubble'),
    path: 'spec.observability.hubbleUIHost',
    message: '"hubble" is not a fully qualified domain name',
  },
  {
    name: 'DNS zone that does not contain the domain',
    mutate: d => (d.spec.dns.rfc2136.zone = 'example.org'),
    path: 'spec.dns.rfc2136.zone',
    message:
      'example.org does not contain spec.dns.domain (c1demo.example.net)',
  },
  {
    name: 'pasted TSIG secret next to its reference',
    mutate: d => (d.spec.dns.rfc2136.tsigSecret = PLANTED_SECRETS.tsig),
    path: 'spec.dns.rfc2136.tsigSecret',
    message:
      'unknown field; the spec never holds secret values, reference a Secret with {name, key} (here: tsigSecretRef)',
  },
  {
    name: 'TSIG secret value instead of a reference',
    mutate: d => (d.spec.dns.rfc2136.tsigSecretRef = PLANTED_SECRETS.tsig),
    path: 'spec.dns.rfc2136.tsigSecretRef',
    message: 'must be a Secret reference {name, key}, never a secret value',
  },
  {
    name: 'Grafana password pasted into the reference',
    mutate: d =>
      (d.spec.observability.grafanaAdminSecretRef.value =
        PLANTED_SECRETS.grafana),
    path: 'spec.observability.grafanaAdminSecretRef.value',
    message: 'unknown field (allowed: name, key)',
  },
  {
    name: 'Grafana admin password as a field',
    mutate: d =>
      (d.spec.observability.grafanaAdminPassword = PLANTED_SECRETS.grafana),
    path: 'spec.observability.grafanaAdminPassword',
    message:
      'unknown field; the spec never holds secret values, reference a Secret with {name, key} (here: grafanaAdminSecretRef)',
  },
  {
    name: 'ACME EAB key as a field',
    mutate: d => (d.spec.tls.acme.eabHmacKey = PLANTED_SECRETS.acme),
    path: 'spec.tls.acme.eabHmacKey',
    message: 'unknown field (allowed: email, server)',
  },
  {
    name: 'BGP password on a peer',
    mutate: d => (d.spec.bgp.peers[0].password = PLANTED_SECRETS.bgp),
    path: 'spec.bgp.peers[0].password',
    message:
      'unknown field; the spec never holds secret values, reference a Secret with {name, key}',
  },
  {
    name: 'misspelt field',
    mutate: d => {
      d.spec.network.podCidr = d.spec.network.podCIDR;
    },
    path: 'spec.network.podCidr',
    message: 'unknown field (did you mean podCIDR?)',
  },
  {
    name: 'missing repository URL',
    mutate: d => delete d.spec.gitops.repoURL,
    path: 'spec.gitops.repoURL',
    message: 'is required',
  },
  {
    name: 'repository URL with credentials',
    mutate: d =>
      (d.spec.gitops.repoURL = 'https://bot:hunter2@github.com/example/x.git'),
    path: 'spec.gitops.repoURL',
    message:
      'must not contain credentials; configure repository credentials in Argo CD',
  },
  {
    name: 'API server port out of range',
    mutate: d => (d.spec.controlPlane.apiServerPort = 70000),
    path: 'spec.controlPlane.apiServerPort',
    message: '70000 is not a valid port (an integer 1..65535)',
  },
  {
    name: 'ACME e-mail without domain',
    mutate: d => (d.spec.tls.acme.email = 'ops'),
    path: 'spec.tls.acme.email',
    message: '"ops" is not an e-mail address',
  },
  {
    name: 'observability without OpenEBS',
    mutate: d => (d.spec.addons.openebs = false),
    path: 'spec.addons.openebs',
    message:
      'is off, but spec.addons.observability needs it (persistent volumes for Prometheus, Grafana and Tempo); turn it on or turn spec.addons.observability off',
  },
  {
    name: 'bookinfo without cert-manager',
    mutate: d => {
      d.spec.addons.certManager = false;
      d.spec.addons.observability = false;
      delete d.spec.observability;
      d.spec.demoApps.jobsApp = false;
    },
    path: 'spec.addons.certManager',
    message:
      'is off, but spec.demoApps.bookinfo needs it (the certificates of its TLS Gateway); turn it on or turn spec.demoApps.bookinfo off',
  },
  {
    name: 'ExternalDNS without RFC2136 settings',
    mutate: d => {
      delete d.spec.dns.rfc2136;
      d.spec.addons.certManager = false;
      d.spec.addons.observability = false;
      delete d.spec.observability;
      d.spec.demoApps = { echo: true };
    },
    path: 'spec.dns.rfc2136',
    message:
      'is required because spec.addons.externalDNS needs it (ExternalDNS updates records over RFC2136)',
  },
  {
    name: 'cert-manager without tls settings',
    mutate: d => delete d.spec.tls,
    path: 'spec.tls',
    message:
      'is required because spec.addons.certManager needs it (the ACME ClusterIssuer is rendered from it)',
  },
  {
    name: 'jobs-app without observability',
    mutate: d => {
      d.spec.addons.observability = false;
    },
    path: 'spec.addons.observability',
    message:
      'is off, but spec.demoApps.jobsApp needs it (it sends traces to the OpenTelemetry collector); turn it on or turn spec.demoApps.jobsApp off',
  },
  {
    name: 'mesh peer is the cluster itself',
    mutate: d => d.spec.clusterMesh.peers.push('democluster1'),
    path: 'spec.clusterMesh.peers[1]',
    message:
      '"democluster1" is this cluster (metadata.name); list only the other clusters of the mesh',
  },
  {
    name: 'duplicate mesh peer',
    mutate: d => d.spec.clusterMesh.peers.push('democluster2'),
    path: 'spec.clusterMesh.peers[1]',
    message:
      '"democluster2" repeats spec.clusterMesh.peers[0]; mesh peers must be unique',
  },
  {
    name: 'clustermesh-apiserver address outside every LB pool',
    mutate: d => (d.spec.clusterMesh.apiserverIP = '10.245.13.10'),
    path: 'spec.clusterMesh.apiserverIP',
    message:
      '10.245.13.10 is in none of spec.network.loadBalancerPools (10.245.12.0/24); LB-IPAM can only pin an address of a pool',
  },
  {
    name: 'clustermesh-apiserver address is the last of its pool',
    mutate: d => (d.spec.clusterMesh.apiserverIP = '10.245.12.255'),
    path: 'spec.clusterMesh.apiserverIP',
    message:
      '10.245.12.255 is the first or last address of 10.245.12.0/24, which LB-IPAM does not hand out',
  },
  {
    name: 'peer address for a cluster that is not a peer',
    mutate: d => (d.spec.clusterMesh.peerIPs.democluster3 = '10.245.32.10'),
    path: 'spec.clusterMesh.peerIPs.democluster3',
    message: '"democluster3" is not listed in spec.clusterMesh.peers',
  },
  {
    name: 'peer address that is this cluster’s own',
    mutate: d => (d.spec.clusterMesh.peerIPs.democluster2 = '10.245.12.10'),
    path: 'spec.clusterMesh.peerIPs.democluster2',
    message: "10.245.12.10 is this cluster's own clustermesh-apiserver address",
  },
  {
    name: 'mesh CA name that is not a DNS label',
    mutate: d => (d.spec.clusterMesh.caName = 'Demo Mesh CA'),
    path: 'spec.clusterMesh.caName',
    message:
      '"Demo Mesh CA" is not a DNS-1123 label of at most 63 characters (lowercase letters, digits and "-", starting and ending with a letter or digit)',
  },
  {
    name: 'spec is a list',
    mutate: d => (d.spec = []),
    path: 'spec',
    message: 'must be a mapping, got a list',
  },
];
