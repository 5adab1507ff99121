import {
  AuthorizeResult,
  isPermission,
  PermissionCondition,
  PermissionCriteria,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  createScaffolderActionConditionalDecision,
  scaffolderActionConditions,
} from '@backstage/plugin-scaffolder-backend/alpha';
import { actionExecutePermission } from '@backstage/plugin-scaffolder-common/alpha';
import { kubernetesProxyPermission } from '@backstage/plugin-kubernetes-common';
import {
  ciliumClusterChangePermission,
  ciliumClusterReadPermission,
  ciliumFlowsReadPermission,
} from '@internal/plugin-cilium-common';
import { CatalogOwnership } from './ownership';
import {
  CHANGE_ENTITY_REF_INPUT,
  CHANGE_REPO_NAME_INPUT,
  CLUSTER_CHANGE_ACTION_ID,
  PUBLISH_ACTION_IDS,
  RENDER_ACTION_ID,
  RENDER_OWNER_INPUT,
  WRITE_ACTION_IDS,
} from './writeActions';

const allow: PolicyDecision = { result: AuthorizeResult.ALLOW };
const deny: PolicyDecision = { result: AuthorizeResult.DENY };

type ActionCriteria = PermissionCriteria<
  PermissionCondition<'scaffolder-action'>
>;

/**
 * The production policy (the module's README lists every decision):
 *
 * - `cilium.cluster.read`: every signed-in user.
 * - `cilium.flows.read`: admins; others only on clusters whose entity their
 *   groups own (decided by the catalog on the cluster entity).
 * - `cilium.cluster.change` (the UI's "Shift traffic" and other links that
 *   start a change; the change action checks it too): the same, admins and
 *   the owning groups.
 * - `scaffolder.action.execute`: admins run every action; others run
 *   actions that do not write, `cilium:cluster:change` on clusters they own,
 *   and publish actions only when they own a cluster, while
 *   `cilium:cluster:render` renders only clusters owned by their groups.
 * - `kubernetes.proxy` (the shared service-account token): admins only.
 * - Everything else: allowed to signed-in users (Backstage's default).
 * - No user (a request without a signed-in user): denied.
 */
export class CiliumProductionPolicy implements PermissionPolicy {
  constructor(
    private readonly ownership: CatalogOwnership,
    private readonly adminGroups: string[],
  ) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (!user) return deny;
    const { permission } = request;
    if (isPermission(permission, ciliumClusterReadPermission)) return allow;

    const claims = await this.ownership.claims(user.info);
    const admin = claims.some(c => this.adminGroups.includes(c));
    if (admin) return allow;

    if (
      isPermission(permission, ciliumFlowsReadPermission) ||
      isPermission(permission, ciliumClusterChangePermission)
    ) {
      return createCatalogConditionalDecision(
        permission,
        catalogConditions.isEntityOwner({ claims }),
      );
    }
    if (isPermission(permission, kubernetesProxyPermission)) return deny;
    if (isPermission(permission, actionExecutePermission)) {
      return createScaffolderActionConditionalDecision(
        permission,
        await this.actionCriteria(claims),
      );
    }
    return allow;
  }

  /** Which scaffolder actions a non-admin with `claims` may run. */
  private async actionCriteria(claims: string[]): Promise<ActionCriteria> {
    const { hasActionId, hasStringProperty } = scaffolderActionConditions;
    const owned = await this.ownership.ownedClusters(claims);
    const anyOf = (c: ActionCriteria[]): ActionCriteria | undefined =>
      c.length
        ? { anyOf: c as [ActionCriteria, ...ActionCriteria[]] }
        : undefined;
    const readOnly: ActionCriteria = {
      not: anyOf(
        [...WRITE_ACTION_IDS, RENDER_ACTION_ID].map(actionId =>
          hasActionId({ actionId }),
        ),
      )!,
    };
    // Renders only clusters owned by one of the user's claims.
    const render: ActionCriteria = {
      allOf: [
        hasActionId({ actionId: RENDER_ACTION_ID }),
        anyOf(
          claims.map(value =>
            hasStringProperty({ key: RENDER_OWNER_INPUT, value }),
          ),
        )!,
      ],
    };
    const allowed: ActionCriteria[] = [readOnly, render];
    const ownedChange = anyOf(
      owned.map(value =>
        hasStringProperty({ key: CHANGE_ENTITY_REF_INPUT, value }),
      ),
    );
    if (ownedChange) {
      allowed.push({
        allOf: [
          hasActionId({ actionId: CLUSTER_CHANGE_ACTION_ID }),
          ownedChange,
          { not: hasStringProperty({ key: CHANGE_REPO_NAME_INPUT }) },
        ],
      });
      // A cluster owner may publish the new clusters of their groups.
      allowed.push(
        anyOf(PUBLISH_ACTION_IDS.map(actionId => hasActionId({ actionId })))!,
      );
    }
    return anyOf(allowed)!;
  }
}
