import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '@backstage/config';

/** A git identity. */
export interface GitIdentity {
  name: string;
  email: string;
}

/** `ciliumGitops.localPublish`, resolved. */
export interface LocalPublishConfig {
  /** Absolute folder holding `<repoName>.git` bare repositories. */
  baseDir: string;
  committer: GitIdentity;
  serveOverHttp: boolean;
}

export const DEFAULT_LOCAL_REPOS_DIR = '.data/git-repos';

const DEFAULT_COMMITTER: GitIdentity = {
  name: 'Backstage Scaffolder',
  email: 'scaffolder@backstage.local',
};

/**
 * The Backstage repository root: the nearest folder at or above `from` that
 * holds `backstage.json` (the backend runs in `packages/backend`), else
 * `from` itself.
 */
export function findBackstageRoot(from: string = process.cwd()): string {
  let dir = path.resolve(from);
  for (;;) {
    if (fs.existsSync(path.join(dir, 'backstage.json'))) {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      return path.resolve(from);
    }
    dir = parent;
  }
}

export function readLocalPublishConfig(
  config: Config,
  cwd: string = process.cwd(),
): LocalPublishConfig {
  const local = config.getOptionalConfig('ciliumGitops.localPublish');
  const baseDir = path.resolve(
    findBackstageRoot(cwd),
    local?.getOptionalString('baseDir') ?? DEFAULT_LOCAL_REPOS_DIR,
  );
  const committer = {
    name:
      local?.getOptionalString('committer.name') ??
      config.getOptionalString('scaffolder.defaultAuthor.name') ??
      DEFAULT_COMMITTER.name,
    email:
      local?.getOptionalString('committer.email') ??
      config.getOptionalString('scaffolder.defaultAuthor.email') ??
      DEFAULT_COMMITTER.email,
  };
  return {
    baseDir,
    committer,
    serveOverHttp: local?.getOptionalBoolean('serveOverHttp') ?? false,
  };
}
