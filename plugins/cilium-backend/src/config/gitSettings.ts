import { Config } from '@backstage/config';
import { readLocalPublishConfig } from '@internal/plugin-scaffolder-backend-module-cilium';

/**
 * The folder of the scaffolder's local publish target
 * (`ciliumGitops.localPublish.baseDir`, default `.data/git-repos` at the
 * Backstage root), resolved by the scaffolder module's own reader.
 */
export function localReposDir(config: Config): string {
  return readLocalPublishConfig(config).baseDir;
}

// The rule itself lives beside the change action, which follows it too.
export {
  gitRepoSettings,
  githubWebUrl,
} from '@internal/plugin-scaffolder-backend-module-cilium';
