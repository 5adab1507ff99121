import { createPermission } from '@backstage/plugin-permission-common';

/**
 * The Cilium permissions are resource permissions on the cluster's catalog
 * entity (`RESOURCE_TYPE_CATALOG_ENTITY` of @backstage/plugin-catalog-common),
 * so a policy can decide per cluster, e.g. with the catalog's
 * `isEntityOwner` rule. Routes pass the cluster entity's ref as resourceRef.
 */
export const CILIUM_RESOURCE_TYPE = 'catalog-entity';

/** Read a cluster's status document, the cluster list and the mesh overview. */
export const ciliumClusterReadPermission = createPermission({
  name: 'cilium.cluster.read',
  attributes: { action: 'read' },
  resourceType: CILIUM_RESOURCE_TYPE,
});

/**
 * Read Hubble flows. Separate from cluster status because flows reveal who
 * talks to whom, which some organisations restrict further.
 */
export const ciliumFlowsReadPermission = createPermission({
  name: 'cilium.flows.read',
  attributes: { action: 'read' },
  resourceType: CILIUM_RESOURCE_TYPE,
});

/**
 * Change a cluster through its Git repository (the `cilium:cluster:change`
 * action, e.g. shifting traffic). The frontend asks it on the cluster entity
 * to show or hide the links that start a change; the change action checks
 * the same permission for the user who runs the task.
 */
export const ciliumClusterChangePermission = createPermission({
  name: 'cilium.cluster.change',
  attributes: { action: 'update' },
  resourceType: CILIUM_RESOURCE_TYPE,
});

/** Every permission the Cilium plugins register. */
export const ciliumPermissions = [
  ciliumClusterReadPermission,
  ciliumFlowsReadPermission,
  ciliumClusterChangePermission,
];
