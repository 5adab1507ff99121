import { Config } from '@backstage/config';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

export type CiliumPolicyMode = 'allow-all' | 'production';

export interface CiliumPolicySettings {
  mode: CiliumPolicyMode;
  /** Full entity refs (`group:default/name`) of the admin groups. */
  adminGroups: string[];
}

const MODES: CiliumPolicyMode[] = ['allow-all', 'production'];

/**
 * Reads `permission.ciliumPolicy` (default `production`: an unset key never
 * opens the portal) and `permission.ciliumAdminGroups`.
 */
export function readPolicySettings(config: Config): CiliumPolicySettings {
  const mode =
    config.getOptionalString('permission.ciliumPolicy') ?? 'production';
  if (!MODES.includes(mode as CiliumPolicyMode)) {
    throw new Error(
      `permission.ciliumPolicy must be one of ${MODES.join(
        ', ',
      )}; got '${mode}'`,
    );
  }
  const groups =
    config.getOptionalStringArray('permission.ciliumAdminGroups') ?? [];
  const adminGroups = groups.map((g, i) => {
    try {
      return stringifyEntityRef(
        parseEntityRef(g, {
          defaultKind: 'group',
          defaultNamespace: 'default',
        }),
      );
    } catch (e) {
      throw new Error(
        `permission.ciliumAdminGroups[${i}] must be a group entity ref like group:default/platform-admins; got '${g}'`,
      );
    }
  });
  return { mode: mode as CiliumPolicyMode, adminGroups };
}
