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
