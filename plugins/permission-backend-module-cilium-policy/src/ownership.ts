import { AuthService, BackstageUserInfo } from '@backstage/backend-plugin-api';
import {
  RELATION_MEMBER_OF,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CLUSTER_ENTITY_FILTER } from '@internal/plugin-cilium-common';
import { TtlMemo } from './ttlMemo';

/** How long a user's groups and owned clusters are kept (ms). */
export const OWNERSHIP_TTL_MS = 30_000;

/**
 * Catalog ownership as the policy needs it, read with the permission
 * plugin's own service credentials and cached for OWNERSHIP_TTL_MS:
 * a user's claims (their ref, the sign-in's ownership refs and the groups
 * their User entity is a member of) and the cluster entities those claims
 * own.
 */
export class CatalogOwnership {
  private readonly claimsMemo = new TtlMemo<string[]>(OWNERSHIP_TTL_MS);
  private readonly clustersMemo = new TtlMemo<string[]>(OWNERSHIP_TTL_MS);

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  /** The user's ref, the sign-in's ownership refs and catalog groups. */
  claims(info: BackstageUserInfo): Promise<string[]> {
    const key = `${info.userEntityRef}|${info.ownershipEntityRefs.join(',')}`;
    return this.claimsMemo.get(key, async () => {
      const credentials = await this.auth.getOwnServiceCredentials();
      const user = await this.catalog.getEntityByRef(info.userEntityRef, {
        credentials,
      });
      const groups = (user?.relations ?? [])
        .filter(r => r.type === RELATION_MEMBER_OF)
        .map(r => r.targetRef);
      return [
        ...new Set([
          info.userEntityRef,
          ...info.ownershipEntityRefs,
          ...groups,
        ]),
      ];
    });
  }

  /** Refs of the cluster entities owned by any of `claims`. */
  ownedClusters(claims: string[]): Promise<string[]> {
    const key = [...claims].sort().join(',');
    return this.clustersMemo.get(key, async () => {
      if (!claims.length) return [];
      const credentials = await this.auth.getOwnServiceCredentials();
      const { items } = await this.catalog.getEntities(
        {
          filter: {
            ...CLUSTER_ENTITY_FILTER,
            [`relations.${RELATION_OWNED_BY}`]: claims,
          },
          fields: ['kind', 'metadata.name', 'metadata.namespace'],
        },
        { credentials },
      );
      return items.map(e => stringifyEntityRef(e));
    });
  }
}
