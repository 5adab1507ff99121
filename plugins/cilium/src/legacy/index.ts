/**
 * The Cilium plugin for apps on the legacy frontend system
 * (`@backstage/core-plugin-api`).
 *
 * @packageDocumentation
 */
export {
  ciliumPlugin,
  CiliumMeshPage,
  EntityCiliumContent,
  EntityCiliumMeshCard,
  EntityHubbleCard,
  legacyMeshRouteRef,
} from './plugin';
export { isCiliumClusterEntity } from '../components/common/clusterName';
export { ciliumApiRef, CiliumClient } from '../api';
export type { CiliumApi, GetFlowsOptions } from '../api';
