import { thirdClusterSpec } from '../__fixtures__/thirdCluster';
import { contextFor, finalValues, specWith } from './testContext';

describe('Cluster Mesh values', () => {
  it('pins the clustermesh-apiserver address and puts the name peers dial into its certificate (1.20 key)', () => {
    const mesh = finalValues('cilium').clustermesh;
    expect(mesh.apiserver.service).toEqual({
      type: 'LoadBalancer',
      annotations: {
        'external-dns.alpha.kubernetes.io/hostname':
          'democluster1.mesh.example.net',
        'lbipam.cilium.io/ips': '10.245.12.10',
      },
    });
    expect(mesh.apiserver.tls).toEqual({
      auto: {
        enabled: true,
        method: 'cronJob',
        server: {
          extraDnsNames: ['democluster1.mesh.example.net'],
          extraIpAddresses: ['10.245.12.10'],
        },
      },
    });
  });

  it('has Prometheus scrape the clustermesh-apiserver, whose KVStoreMesh readiness the mesh page shows', () => {
    const mesh = finalValues('cilium').clustermesh;
    expect(mesh.apiserver.metrics).toEqual({
      serviceMonitor: { enabled: true },
    });
  });

  it('lists a peer with a known address by ips, so the chart dials <peer>.<domain> through host aliases', () => {
    const mesh = finalValues('cilium').clustermesh;
    expect(mesh.config).toEqual({
      enabled: true,
      domain: 'mesh.example.net',
      clusters: [{ name: 'democluster2', port: 2379, ips: ['10.245.22.10'] }],
    });
  });

  it('uses the 1.18/1.19 key for the extra SANs on those minors', () => {
    for (const version of ['1.18', '1.19']) {
      const mesh = finalValues(
        'cilium',
        specWith(s => (s.spec.cilium.version = version)),
      ).clustermesh;
      expect(mesh.apiserver.tls).toEqual({
        auto: { enabled: true, method: 'cronJob' },
        server: {
          extraDnsNames: ['democluster1.mesh.example.net'],
          extraIpAddresses: ['10.245.12.10'],
        },
      });
    }
    expect(contextFor('cilium').pins.clustermeshServerSans).toBe(
      'tls.auto.server',
    );
  });

  it('defaults the address to the first host of the first pool and dials peers without an address by DNS name', () => {
    const mesh = finalValues(
      'cilium',
      specWith(s => {
        delete s.spec.clusterMesh.apiserverIP;
        s.spec.clusterMesh.peerIPs = {};
      }),
    ).clustermesh;
    expect(mesh.apiserver.service.annotations['lbipam.cilium.io/ips']).toBe(
      '10.245.12.1',
    );
    expect(mesh.config.clusters).toEqual([
      {
        name: 'democluster2',
        address: 'democluster2.mesh.example.net',
        port: 2379,
      },
    ]);
  });

  it('third cluster: its own mesh domain, a pool label for the second pool, one peer by ips and one by name', () => {
    const mesh = finalValues('cilium', thirdClusterSpec()).clustermesh;
    expect(mesh.apiserver.service).toEqual({
      type: 'LoadBalancer',
      annotations: {
        'external-dns.alpha.kubernetes.io/hostname':
          'edge-lab-7.mesh.edge.example.org',
        'lbipam.cilium.io/ips': '192.168.60.5',
      },
      labels: { 'lb-pool': 'mesh' },
    });
    expect(mesh.apiserver.tls.auto.server.extraDnsNames).toEqual([
      'edge-lab-7.mesh.edge.example.org',
    ]);
    expect(mesh.config).toEqual({
      enabled: true,
      domain: 'mesh.edge.example.org',
      clusters: [
        { name: 'edge-lab-8', port: 2379, ips: ['192.168.61.5'] },
        {
          name: 'edge-lab-9',
          address: 'edge-lab-9.mesh.edge.example.org',
          port: 2379,
        },
      ],
    });
  });

  it('renders no clustermesh values without peers', () => {
    expect(
      finalValues(
        'cilium',
        specWith(s => {
          s.spec.clusterMesh.peers = [];
          s.spec.clusterMesh.peerIPs = {};
        }),
      ),
    ).not.toHaveProperty('clustermesh');
  });
});
