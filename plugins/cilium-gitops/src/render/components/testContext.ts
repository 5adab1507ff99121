/**
 * Test helpers for the component renderers: the example spec and a
 * RenderContext built from the repository's addon catalog.
 */
import {
  ciliumMinorOf,
  loadAddonCatalog,
  mergeHelmValues,
  resolveCiliumVersion,
} from '../../catalog';
import type { ClusterSpec } from '../../spec/types';
import type { ComponentOutput, KubeObject, RenderContext } from '../types';
import { componentRenderers } from './index';

export const catalog = loadAddonCatalog();

/** democluster1 of the issue: every addon and demo on, BGP with an FRR router, one mesh peer. */
export function exampleSpec(): ClusterSpec {
  return {
    apiVersion: 'cilium-gitops/v1alpha1',
    kind: 'ClusterSpec',
    metadata: { name: 'democluster1', owner: 'platform-team' },
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
      clusterMesh: { peers: ['democluster2'] },
    },
  };
}

/** The context the renderer core would give component `id`. */
export function contextFor(
  id: string,
  spec: ClusterSpec = exampleSpec(),
): RenderContext {
  const ciliumVersion = resolveCiliumVersion(spec.spec.cilium.version, catalog);
  const ciliumMinor = ciliumMinorOf(ciliumVersion);
  const addon = catalog.addons[id];
  if (!addon) throw new Error(`no addon ${id} in the catalog`);
  return {
    spec,
    catalog,
    addon,
    ciliumMinor,
    ciliumVersion,
    pins: addon.pins[ciliumMinor] ?? {},
  };
}

/** Renders component `id` for `spec`. */
export function render(id: string, spec?: ClusterSpec): ComponentOutput {
  return componentRenderers[id](contextFor(id, spec));
}

/** The values file the renderer core would write: catalog defaults under the component's values. */
export function finalValues(
  id: string,
  spec?: ClusterSpec,
): Record<string, any> {
  const ctx = contextFor(id, spec);
  return mergeHelmValues(
    ctx.addon.defaultValues,
    componentRenderers[id](ctx).values ?? {},
  );
}

/** The one manifest of `kind` (and `name`, if given). */
export function manifest(
  out: ComponentOutput,
  kind: string,
  name?: string,
): KubeObject & Record<string, any> {
  const found = (out.manifests ?? []).filter(
    m => m.kind === kind && (name === undefined || m.metadata.name === name),
  );
  if (found.length !== 1)
    throw new Error(
      `expected one ${kind} ${name ?? ''}, found ${found.length}`,
    );
  return found[0] as KubeObject & Record<string, any>;
}

/** A copy of the example spec with `edit` applied. */
export function specWith(edit: (spec: ClusterSpec) => void): ClusterSpec {
  const spec = exampleSpec();
  edit(spec);
  return spec;
}
