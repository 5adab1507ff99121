import type { ActionContext } from '@backstage/plugin-scaffolder-node';
import type { GitIdentity } from './localPublishConfig';

type TaskUser = ActionContext<{}>['user'];

/**
 * The commit author: the user who ran the template (profile display name and
 * email from the catalog, else the name of the entity ref), else `fallback`.
 */
export function authorFromUser(
  user: TaskUser,
  fallback: GitIdentity,
): GitIdentity {
  const profile = user?.entity?.spec?.profile;
  const refName = user?.ref?.split('/').pop();
  const name = profile?.displayName ?? user?.entity?.metadata.name ?? refName;
  if (!name) {
    return fallback;
  }
  return {
    name,
    email: profile?.email ?? `${name}@users.noreply.backstage.local`,
  };
}
