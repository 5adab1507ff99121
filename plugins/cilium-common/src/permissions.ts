import { createPermission } from '@backstage/plugin-permission-common';

/** Read a cluster's status document, the cluster list and the mesh overview. */
export const ciliumClusterReadPermission = createPermission({
  name: 'cilium.cluster.read',
  attributes: { action: 'read' },
});

/**
 * Read Hubble flows. Separate from cluster status because flows reveal who
 * talks to whom, which some organisations restrict further.
 */
export const ciliumFlowsReadPermission = createPermission({
  name: 'cilium.flows.read',
  attributes: { action: 'read' },
});

/** Every permission the Cilium plugins register. */
export const ciliumPermissions = [
  ciliumClusterReadPermission,
  ciliumFlowsReadPermission,
];
