/** The parts of a cluster's status document, each read on its own. */
export type StatusSource =
  | 'cluster'
  | 'ciliumConfig'
  | 'gatewayClasses'
  | 'gateways'
  | 'httpRoutes'
  | 'ciliumNodes'
  | 'lbIpPools'
  | 'bgp'
  | 'clusterMesh'
  | 'argocd'
  | 'hubble'
  | 'prometheus'
  | 'git'
  | 'ciliumNetworkPolicies'
  | 'ciliumClusterwideNetworkPolicies'
  | 'networkPolicies';

/** Why a source could not be read. */
export type SourceErrorReason =
  | 'timeout'
  | 'unreachable'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'not-configured'
  | 'unsupported'
  | 'error';

/**
 * A source that failed. A failing source is a value in the response, never an
 * exception that fails the whole document.
 */
export interface SourceError {
  source: StatusSource;
  reason: SourceErrorReason;
  /** Human-readable and safe to show: never contains credentials. */
  message: string;
  /** HTTP status of the upstream answer, when there was one. */
  statusCode?: number;
}
