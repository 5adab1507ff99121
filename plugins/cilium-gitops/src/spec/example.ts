/**
 * The example cluster spec of the spec's documentation (democluster1: every
 * addon and demo app on, BGP with an FRR router, one Cluster Mesh peer), as
 * a fresh plain object on each call. The single source for tests, the
 * scaffolder actions' examples and gitops/examples/democluster1/cluster.yaml
 * (a test checks they agree).
 */
export function exampleClusterSpecDocument(): Record<string, any> {
  return {
    apiVersion: 'cilium-gitops/v1alpha1',
    kind: 'ClusterSpec',
    metadata: { name: 'democluster1' },
    spec: {
      clusterId: 1,
      cilium: { version: '1.20.3' },
      gitops: {
        repoURL: 'https://github.com/example/democluster1-gitops.git',
        targetRevision: 'main',
      },
      controlPlane: {
        apiServerHost: '10.12.13.14',
        apiServerPort: 6443,
        external: true,
      },
      network: {
        podCIDR: '10.0.0.0/16',
        serviceCIDR: '10.192.0.0/12',
        routingMode: 'tunnel',
        loadBalancerPools: [{ name: 'default', cidr: '10.245.12.0/24' }],
      },
      bgp: {
        localASN: 64512,
        nodeSelector: { bgp: 'worker' },
        peers: [{ name: 'upstream', address: '172.22.5.1', asn: 64513 }],
        router: {
          hostname: 'frr1',
          asn: 64513,
          routerId: '172.22.5.1',
          workerNodeCIDR: '172.22.5.0/24',
          workerNodes: ['172.22.5.31', '172.22.5.32', '172.22.5.33'],
          upstream: { address: '172.22.0.1', asn: 64500 },
        },
      },
      dns: {
        domain: 'c1demo.example.net',
        rfc2136: {
          host: '10.53.0.2',
          port: 53,
          zone: 'example.net',
          tsigKeyName: 'externaldns',
          tsigAlgorithm: 'hmac-sha256',
          tsigSecretRef: { name: 'externaldns-tsig', key: 'tsig-secret' },
        },
      },
      tls: {
        clusterIssuer: 'acme-prod',
        acme: {
          email: 'ops@example.net',
          server: 'https://acme-v02.api.letsencrypt.org/directory',
        },
      },
      observability: {
        grafanaHost: 'grafana.c1demo.example.net',
        hubbleUIHost: 'hubble.c1demo.example.net',
        grafanaAdminSecretRef: { name: 'grafana-admin', key: 'password' },
      },
      addons: {
        certManager: true,
        externalDNS: true,
        observability: true,
        openebs: true,
      },
      demoApps: { bookinfo: true, echo: true, jobsApp: true },
      clusterMesh: {
        peers: ['democluster2'],
        apiserverIP: '10.245.12.10',
        peerIPs: { democluster2: '10.245.22.10' },
        caName: 'demo-mesh-ca',
      },
    },
  };
}
