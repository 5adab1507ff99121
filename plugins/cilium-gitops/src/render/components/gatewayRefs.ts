/**
 * Gateway API references with the CRD defaults written out. The API server
 * fills `parentRefs[].group/kind`, `backendRefs[].group/kind/weight` and
 * `certificateRefs[].group/kind` when they are absent (kubernetes-sigs/gateway-api
 * v1.6.1 config/crd/standard, also v1.3.0 and v1.4.1; see
 * `src/schemas/defaults/`). These fields sit inside lists, which Argo CD
 * compares whole, so leaving them out of Git is a permanent OutOfSync.
 */

export const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';

/** A Gateway in the route's namespace. */
export function gatewayParentRef(name: string) {
  return { group: GATEWAY_API_GROUP, kind: 'Gateway', name };
}

/** A Service backend; `weight` defaults to 1 like the CRD. */
export function serviceBackendRef(name: string, port: number, weight = 1) {
  return { group: '', kind: 'Service', name, port, weight };
}

/** A TLS certificate Secret of a listener. */
export function secretCertificateRef(name: string) {
  return { group: '', kind: 'Secret', name };
}
