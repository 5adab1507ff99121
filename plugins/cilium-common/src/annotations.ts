/**
 * Annotations on `kind: Resource`, `spec.type: kubernetes-cluster` entities
 * that the Cilium plugins read. The generator writes all of them into the
 * cluster's `catalog-info.yaml`.
 */

/** Cluster name as configured in the backend; defaults to `metadata.name`. */
export const ANNOTATION_CLUSTER_NAME = 'cilium-gitops/cluster-name';
/** Cilium `cluster.id` (1..255) of the cluster, as rendered. */
export const ANNOTATION_CLUSTER_ID = 'cilium-gitops/cluster-id';
/** Comma-separated names of the expected Cluster Mesh peers. */
export const ANNOTATION_MESH_PEERS = 'cilium-gitops/mesh-peers';
/** Cilium version the repository was rendered for, e.g. `1.20.3`. */
export const ANNOTATION_CILIUM_VERSION = 'cilium-gitops/cilium-version';
/** URL of the cluster's GitOps repository. */
export const ANNOTATION_GITOPS_REPO = 'cilium-gitops/repo-url';

/** Entity type the Cilium tab and cards attach to. */
export const CLUSTER_ENTITY_TYPE = 'kubernetes-cluster';

/**
 * Annotations of Backstage's Kubernetes plugin on cluster entities, as
 * @backstage/plugin-kubernetes-common (src/catalog-entity-constants.ts)
 * spells them; its catalog cluster locator and ours read them (a copy here
 * keeps this package free of the Kubernetes plugin's dependencies).
 */
export const ANNOTATION_KUBERNETES_API_SERVER = 'kubernetes.io/api-server';
export const ANNOTATION_KUBERNETES_API_SERVER_CA =
  'kubernetes.io/api-server-certificate-authority';
export const ANNOTATION_KUBERNETES_AUTH_PROVIDER =
  'kubernetes.io/auth-provider';
export const ANNOTATION_KUBERNETES_OIDC_TOKEN_PROVIDER =
  'kubernetes.io/oidc-token-provider';
export const ANNOTATION_KUBERNETES_SKIP_TLS_VERIFY =
  'kubernetes.io/skip-tls-verify';

/**
 * Optional on a cluster entity the Cilium backend takes from the catalog
 * (`cilium.clusterLocatorMethods: [{ type: catalog }]`): the cluster's Hubble
 * Relay as `host:port` or `tls://host:port` (like `cilium.clusters[].hubble.address`).
 */
export const ANNOTATION_HUBBLE_RELAY_ADDRESS =
  'cilium-gitops/hubble-relay-address';
/** Optional, like the above: base URL of the cluster's Prometheus (like `cilium.clusters[].prometheus.url`). */
export const ANNOTATION_PROMETHEUS_URL = 'cilium-gitops/prometheus-url';
