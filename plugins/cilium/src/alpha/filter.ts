import { CLUSTER_ENTITY_TYPE } from '@internal/plugin-cilium-common';

/** Entity predicate of the tab and cards: `kind: Resource`, `spec.type: kubernetes-cluster`. */
export const clusterEntityFilter = {
  kind: 'resource',
  'spec.type': CLUSTER_ENTITY_TYPE,
};
