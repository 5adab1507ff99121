/**
 * Cilium tab, cards and mesh overview for `kind: Resource`,
 * `spec.type: kubernetes-cluster` entities (new frontend system).
 * Apps on the legacy system import `@internal/plugin-cilium/legacy`.
 *
 * @packageDocumentation
 */
export { ciliumPlugin as default } from './alpha/plugin';
export { ciliumApiRef, CiliumClient } from './api';
export type { CiliumApi, GetFlowsOptions, GetItemsOptions } from './api';
export { isCiliumClusterEntity } from './components/common/clusterName';
export { meshOverviewRouteRef } from './routes';
