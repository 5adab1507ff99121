/**
 * The cluster spec (`cluster.yaml`): the public, versioned contract a
 * platform engineer writes and the renderer reads. These are the types after
 * validation and defaulting; `schema.ts` builds them from untrusted input.
 *
 * No field holds a secret value: secrets are {@link SecretKeyRef}s to Secrets
 * created out of band.
 */
import type { SpecIssue } from '@internal/plugin-cilium-common';

export const CLUSTER_SPEC_API_VERSION = 'cilium-gitops/v1alpha1';
export const CLUSTER_SPEC_KIND = 'ClusterSpec';

/** Cilium minors the renderer supports, oldest first. */
export const SUPPORTED_CILIUM_MINORS = ['1.18', '1.19', '1.20'] as const;
export type CiliumMinor = (typeof SUPPORTED_CILIUM_MINORS)[number];

/** A key of a Secret created out of band; the value is never in the spec. */
export interface SecretKeyRef {
  name: string;
  key: string;
}

export interface ClusterMetadata {
  /** DNS-1123 label, ≤ 32 chars, not `default` (Cilium's `cluster.name`). */
  name: string;
  /** Backstage owner of the catalog entity; defaults to `platform-team`. */
  owner: string;
  description?: string;
}

export interface CiliumSettings {
  /**
   * `1.20.3` (a pinned patch) or `1.20` (the newest pinned patch of that
   * minor). Defaults to the newest pinned patch when the catalog is known at
   * parse time, else to the newest supported minor.
   */
  version: string;
}

export interface GitopsSettings {
  /** The cluster's GitOps repository, as Argo CD clones it. */
  repoURL: string;
  /** Branch or tag Argo CD follows; defaults to `main`. */
  targetRevision: string;
  /** Argo CD UI for the catalog link; defaults to `https://argocd.<dns.domain>`. */
  argoCDURL?: string;
}

/**
 * Auth providers Backstage's catalog cluster locator accepts on a cluster
 * entity (`kubernetes.io/auth-provider`): the keys of
 * @backstage/plugin-kubernetes-backend src/auth/buildDefaultAuthStrategyMap.ts,
 * without `serviceAccount` (its CatalogClusterLocator ignores it: a token
 * would have to sit in the catalog) and `localKubectlProxy` (development).
 */
export const CATALOG_AUTH_PROVIDERS = [
  'oidc',
  'google',
  'googleServiceAccount',
  'aws',
  'azure',
  'aks',
] as const;
export type CatalogAuthProvider = (typeof CATALOG_AUTH_PROVIDERS)[number];

export interface ControlPlaneSettings {
  /** IPv4 address or DNS name of the Kubernetes API server. */
  apiServerHost: string;
  apiServerPort: number;
  /** The control plane runs outside the cluster: renders `bpf.lbExternalClusterIP`. */
  external: boolean;
  /**
   * How Backstage's Kubernetes plugin signs in to the API server; `oidc`
   * (the default) uses the signed-in user's own token, so no credential is
   * stored anywhere.
   */
  authProvider: CatalogAuthProvider;
  /** With `oidc`: the Backstage auth provider whose token is sent, e.g. `okta`. */
  oidcTokenProvider?: string;
  /**
   * PEM certificate(s) of the CA that signed the API server's certificate
   * (public data, e.g. the `certificate-authority-data` of a kubeconfig,
   * base64-decoded). Written to `catalog-info.yaml` so Backstage's
   * Kubernetes plugin and the Cilium backend verify the API server; never a
   * private key.
   */
  apiServerCA?: string;
}

export type RoutingMode = 'tunnel' | 'native';

export interface LoadBalancerPool {
  name: string;
  cidr: string;
}

export interface NetworkSettings {
  podCIDR: string;
  serviceCIDR: string;
  /** `tunnel` (VXLAN) or `native` (pod CIDRs announced over BGP). */
  routingMode: RoutingMode;
  loadBalancerPools: LoadBalancerPool[];
}

export interface BgpPeer {
  name: string;
  address: string;
  asn: number;
}

export interface BgpNeighbor {
  address: string;
  asn: number;
}

/** The upstream FRR router; renders `router/frr.conf`. */
export interface BgpRouter {
  hostname: string;
  asn: number;
  routerId: string;
  workerNodeCIDR: string;
  workerNodes: string[];
  upstream?: BgpNeighbor;
}

export interface BgpSettings {
  localASN: number;
  /** Labels of the nodes that run BGP. */
  nodeSelector: Record<string, string>;
  peers: BgpPeer[];
  router?: BgpRouter;
}

export type TsigAlgorithm =
  | 'hmac-sha256'
  | 'hmac-sha384'
  | 'hmac-sha512'
  | 'hmac-sha1'
  | 'hmac-md5';

export interface Rfc2136Settings {
  /** IPv4 address or DNS name of the authoritative DNS server. */
  host: string;
  port: number;
  zone: string;
  tsigKeyName: string;
  tsigAlgorithm: TsigAlgorithm;
  tsigSecretRef: SecretKeyRef;
}

export interface DnsSettings {
  /** Parent domain of every host name of the cluster. */
  domain: string;
  rfc2136?: Rfc2136Settings;
  /** ExternalDNS TXT registry prefix; default `external-dns-` (see recipeFields.ts). */
  txtPrefix: string;
}

export interface AcmeSettings {
  email: string;
  server: string;
}

export interface TlsSettings {
  /** Name of the cert-manager ClusterIssuer (DNS-01 over RFC2136). */
  clusterIssuer: string;
  acme: AcmeSettings;
  /** cert-manager's DNS-01 self-check servers (`host:port`); default: the RFC2136 server. */
  dns01RecursiveNameservers?: string[];
  /** cert-manager's own TSIG key; default: the ExternalDNS key of `dns.rfc2136`. */
  rfc2136?: CertManagerTsig;
}

export interface ObservabilitySettings {
  grafanaHost: string;
  hubbleUIHost: string;
  grafanaAdminSecretRef: SecretKeyRef;
  apiServerScrape: ApiServerScrape;
}

// --- Recipe details (issue 9 item 5); the zod side is recipeFields.ts ---

/** A TSIG key of cert-manager's own; unset fields fall back to `dns.rfc2136`. */
export interface CertManagerTsig {
  tsigKeyName?: string;
  tsigAlgorithm?: TsigAlgorithm;
  tsigSecretRef: SecretKeyRef;
}

/**
 * How Prometheus verifies the API server's certificate: skipped (the recipe,
 * and the default without `caSecretRef`), against the cluster CA with
 * `serverName` (`insecureSkipVerify: false`), or against a CA Secret.
 */
export interface ApiServerScrape {
  insecureSkipVerify?: boolean;
  /** A name in the API server certificate; default `kubernetes`. */
  serverName: string;
  /** CA of the API server certificate, in a Secret of the monitoring namespace. */
  caSecretRef?: SecretKeyRef;
}

// --- end of recipe details ---

export interface AddonSwitches {
  certManager: boolean;
  externalDNS: boolean;
  observability: boolean;
  openebs: boolean;
}

export interface DemoAppSwitches {
  bookinfo: boolean;
  echo: boolean;
  jobsApp: boolean;
}

export interface ClusterMeshSettings {
  /** Names of the other clusters of the mesh. */
  peers: string[];
  /**
   * LoadBalancer address of this cluster's clustermesh-apiserver, pinned with
   * `lbipam.cilium.io/ips`; must lie in one of `network.loadBalancerPools`.
   * Defaults to the first host address of the first pool.
   */
  apiserverIP?: string;
  /**
   * A peer's `apiserverIP`, by peer name. With it, agents reach the peer as
   * `<peer>.<mesh domain>` through the chart's host aliases (no DNS lookup);
   * without it, through DNS (ExternalDNS publishes the name).
   */
  peerIPs?: Record<string, string>;
  /**
   * Name of the mesh's shared CA, made once per mesh: every cluster of a mesh
   * names the same CA, and its `kube-system/cilium-ca` Secret holds that CA.
   */
  caName?: string;
}

/** Intended weights of one HTTPRoute's backends (Service name → weight). */
export interface TrafficSplit {
  /** `<namespace>/<name>` of an HTTPRoute the renderer produces. */
  route: string;
  /** Integer weights 0..1,000,000, not all 0; backends left out keep their rendered weight. */
  backends: Record<string, number>;
}

export interface TrafficSettings {
  splits: TrafficSplit[];
}

export interface ClusterSpecBody {
  /** Cilium `cluster.id`, 1..255, unique in a mesh. */
  clusterId: number;
  cilium: CiliumSettings;
  gitops: GitopsSettings;
  controlPlane: ControlPlaneSettings;
  network: NetworkSettings;
  bgp?: BgpSettings;
  dns: DnsSettings;
  tls?: TlsSettings;
  observability?: ObservabilitySettings;
  addons: AddonSwitches;
  demoApps: DemoAppSwitches;
  clusterMesh: ClusterMeshSettings;
  /** Traffic splits of rendered HTTPRoutes; without one, a route keeps its default weights. */
  traffic?: TrafficSettings;
}

export interface ClusterSpec {
  apiVersion: typeof CLUSTER_SPEC_API_VERSION;
  kind: typeof CLUSTER_SPEC_KIND;
  metadata: ClusterMetadata;
  spec: ClusterSpecBody;
}

/** One problem in a spec (the type lives in cilium-common). */
export type { SpecIssue };

export type SpecValidationResult =
  | { ok: true; spec: ClusterSpec }
  | { ok: false; issues: SpecIssue[] };

/** Cilium patch versions pinned per minor, newest last (the catalog's `ciliumVersions`). */
export type CiliumVersionPins = Record<string, string[]>;

export interface ParseOptions {
  /** Pinned Cilium patches; with them, `cilium.version` defaults to the newest one and must be pinned. */
  ciliumVersions?: CiliumVersionPins;
}
