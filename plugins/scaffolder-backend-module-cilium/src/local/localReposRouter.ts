import fs from 'node:fs';
import git from 'isomorphic-git';
import type { HttpRouterService } from '@backstage/backend-plugin-api';
import { bareRepoPath } from './repoName';

type Handler = Parameters<HttpRouterService['use']>[0];
type Request = Parameters<Handler>[0];
type Response = Parameters<Handler>[1];

/** Mounted under the scaffolder plugin: `/api/scaffolder/cilium/local-repos`. */
export const LOCAL_REPOS_ROUTE = '/cilium/local-repos';

const BRANCH = 'main';

export interface LocalReposHandlerOptions {
  baseDir: string;
}

/**
 * A read-only view of the bare repositories `cilium:publish:local` writes:
 * `GET <route>/<repoName>/` lists the files of `main`, one per line;
 * `GET <route>/<repoName>/<path>` returns one committed file. Only committed
 * blobs of the `main` branch are served, never the file system, so paths
 * cannot escape the repository. It exists so `catalog:register` (through the
 * catalog's URL reader) can read the new `catalog-info.yaml`.
 */
export function createLocalReposHandler(
  options: LocalReposHandlerOptions,
): Handler {
  const { baseDir } = options;
  return (req: Request, res: Response, next) => {
    const prefix = `${LOCAL_REPOS_ROUTE}/`;
    if (
      (req.method !== 'GET' && req.method !== 'HEAD') ||
      !req.path.startsWith(prefix)
    ) {
      next();
      return;
    }
    serve(baseDir, req.path.slice(prefix.length), res).catch(next);
  };
}

async function serve(baseDir: string, rest: string, res: Response) {
  let segments: string[];
  try {
    segments = rest.split('/').map(s => decodeURIComponent(s));
  } catch {
    res.status(400).type('text/plain').send('Bad path\n');
    return;
  }
  const [repoName, ...parts] = segments;
  let gitdir: string;
  try {
    gitdir = bareRepoPath(baseDir, repoName);
  } catch {
    res.status(404).type('text/plain').send('No such repository\n');
    return;
  }
  const filepath = parts.filter(p => p !== '').join('/');
  if (parts.some(p => p === '.' || p === '..')) {
    res.status(400).type('text/plain').send('Bad path\n');
    return;
  }
  if (!fs.existsSync(gitdir)) {
    res.status(404).type('text/plain').send('No such repository\n');
    return;
  }
  try {
    const oid = await git.resolveRef({
      fs,
      gitdir,
      ref: `refs/heads/${BRANCH}`,
    });
    if (filepath === '') {
      const files = await git.listFiles({ fs, gitdir, ref: oid });
      res.type('text/plain').send(`${files.join('\n')}\n`);
      return;
    }
    const { blob } = await git.readBlob({ fs, gitdir, oid, filepath });
    res.type('text/plain').send(Buffer.from(blob));
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'NotFoundError' || code === 'ObjectTypeError') {
      res.status(404).type('text/plain').send('Not found\n');
      return;
    }
    throw e;
  }
}
