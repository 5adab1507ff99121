import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  ciliumClusterChangePermission,
  ciliumClusterReadPermission,
  ciliumFlowsReadPermission,
} from '@internal/plugin-cilium-common';

/** What a Cilium permission guards, as the UI names it. */
export type CiliumAbility = 'cluster' | 'flows' | 'change';

export interface PermissionGate {
  loading: boolean;
  allowed: boolean;
  /** Why the user may not (shown instead of the hidden part). */
  reason?: string;
}

const PERMISSIONS = {
  cluster: ciliumClusterReadPermission,
  flows: ciliumFlowsReadPermission,
  change: ciliumClusterChangePermission,
};

function ownerOf(entity?: Entity): string | undefined {
  const owner = entity?.spec?.owner;
  return typeof owner === 'string' ? owner : undefined;
}

function reasonFor(ability: CiliumAbility, owner?: string): string {
  const permission = PERMISSIONS[ability].name;
  if (ability === 'flows') {
    return `Hubble flows show which workloads talk to each other, so only members of the group that owns this cluster${
      owner ? ` (${owner})` : ''
    } and portal admins may see them (permission ${permission}).`;
  }
  if (ability === 'change') {
    return `Only members of the group that owns this cluster${
      owner ? ` (${owner})` : ''
    } and portal admins may change it (permission ${permission}).`;
  }
  return `You may not read this cluster's status (permission ${permission}). Ask a portal admin.`;
}

/**
 * The one place the Cilium UI asks whether the signed-in user may see
 * something: the permission on the cluster's catalog entity (the backend
 * checks the same one), with the reason to show when not.
 */
export function useCiliumPermission(
  ability: CiliumAbility,
  /** The cluster entity, or its ref when only that is at hand. */
  entity: Entity | string | undefined,
  cluster: string,
): PermissionGate {
  let resourceRef: string;
  if (typeof entity === 'string') resourceRef = entity;
  else if (entity) resourceRef = stringifyEntityRef(entity);
  else resourceRef = stringifyEntityRef({ kind: 'resource', name: cluster });
  const { loading, allowed } = usePermission({
    permission: PERMISSIONS[ability],
    resourceRef,
  });
  return {
    loading,
    allowed,
    reason:
      loading || allowed
        ? undefined
        : reasonFor(
            ability,
            typeof entity === 'string' ? undefined : ownerOf(entity),
          ),
  };
}
