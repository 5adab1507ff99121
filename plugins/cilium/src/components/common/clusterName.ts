/** The cluster-entity rule, from its one home in cilium-common. */
export {
  clusterNameOf,
  isClusterEntity as isCiliumClusterEntity,
} from '@internal/plugin-cilium-common';
