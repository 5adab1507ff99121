/**
 * Test fixture: the two example clusters of gitops/examples and a third spec
 * with other names, CIDRs, ASNs and zone (no mesh, Cilium 1.19, its own TSIG
 * key for cert-manager, a CA for the API server scrape), each parsed and
 * rendered, so renderer tests check every rule against more than one cluster.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { loadAddonCatalog } from '../../catalog';
import { parseClusterSpecYaml } from '../../spec/parse';
import type { ClusterSpec } from '../../spec/types';
import { renderClusterRepo } from '../index';
import type { KubeObject, RenderedRepo } from '../types';

// A test fixture, only ever run from the sources.
// eslint-disable-next-line no-restricted-syntax
const EXAMPLES = path.resolve(__dirname, '../../../../../gitops/examples');

export const catalog = loadAddonCatalog();

/** A cluster unlike the examples: nothing shared with them but the schema. */
export const THIRD_SPEC_YAML = `
apiVersion: cilium-gitops/v1alpha1
kind: ClusterSpec
metadata:
  name: edge-lab-7
spec:
  clusterId: 42
  cilium:
    version: "1.19"
  gitops:
    repoURL: https://git.example.org/platform/edge-lab-7.git
    targetRevision: production
  controlPlane:
    apiServerHost: 192.168.40.10
    apiServerPort: 8443
    external: true
  network:
    podCIDR: 10.96.0.0/14
    serviceCIDR: 172.30.0.0/16
    routingMode: native
    loadBalancerPools:
      - { name: public, cidr: 198.51.100.0/26 }
      - { name: internal, cidr: 192.168.50.0/27 }
  bgp:
    localASN: 4200000042
    nodeSelector: { role: edge-worker }
    peers:
      - { name: tor-a, address: 192.168.40.1, asn: 65101 }
    router:
      hostname: tor-a
      asn: 65101
      routerId: 192.168.40.1
      workerNodeCIDR: 192.168.40.0/24
      workerNodes: [192.168.40.21, 192.168.40.22]
  dns:
    domain: edge7.lab.example.org
    rfc2136:
      host: 192.168.40.53
      port: 5353
      zone: lab.example.org
      tsigKeyName: edge7-externaldns
      tsigAlgorithm: hmac-sha512
      tsigSecretRef: { name: edge7-dns-key, key: secret }
    txtPrefix: owner-
  tls:
    clusterIssuer: edge7-acme
    acme: { email: netops@example.org, server: https://acme-staging-v02.api.letsencrypt.org/directory }
    dns01RecursiveNameservers: ["192.168.40.53:5353", "192.168.40.54:53"]
    rfc2136:
      tsigKeyName: edge7-certmanager
      tsigSecretRef: { name: edge7-cm-key, key: tsig }
  observability:
    grafanaHost: grafana.edge7.lab.example.org
    hubbleUIHost: hubble.edge7.lab.example.org
    grafanaAdminSecretRef: { name: edge7-grafana, key: admin-password }
    apiServerScrape:
      caSecretRef: { name: edge7-apiserver-ca, key: ca.crt }
      serverName: api.edge7.lab.example.org
  addons: { certManager: true, externalDNS: true, observability: true, openebs: true }
  demoApps: { bookinfo: true, echo: true, jobsApp: true }
`;

export interface RenderedCluster {
  name: string;
  spec: ClusterSpec;
  repo: RenderedRepo;
  /** The content of a generated file; throws when it is missing. */
  file(path: string): string;
  /** Every Kubernetes object of `manifests/` and `apps/`. */
  objects(): KubeObject[];
}

function rendered(name: string, yamlText: string): RenderedCluster {
  const spec = parseClusterSpecYaml(yamlText, {
    ciliumVersions: catalog.ciliumVersions,
  });
  const repo = renderClusterRepo(spec, catalog);
  const file = (p: string) => {
    const found = repo.files.find(f => f.path === p);
    if (!found) throw new Error(`${name}: no ${p} rendered`);
    return found.content;
  };
  const objects = () =>
    repo.files
      .filter(
        f =>
          (f.path.startsWith('manifests/') || f.path.startsWith('apps/')) &&
          !f.path.endsWith('/kustomization.yaml'),
      )
      .map(f => parse(f.content) as KubeObject);
  return { name, spec, repo, file, objects };
}

/** democluster1, democluster2 and edge-lab-7, rendered with the repository's catalog. */
export function threeClusters(): RenderedCluster[] {
  const examples = ['democluster1', 'democluster2'].map(name =>
    rendered(
      name,
      readFileSync(path.join(EXAMPLES, name, 'cluster.yaml'), 'utf8'),
    ),
  );
  return [...examples, rendered('edge-lab-7', THIRD_SPEC_YAML)];
}
