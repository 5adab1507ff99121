import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import {
  GIT_HISTORY_LIMIT,
  GitCommitInfo,
} from '@internal/plugin-cilium-common';
import {
  isYaml,
  MAX_FILES_PER_COMMIT,
  MAX_YAML_BYTES,
  RepoFile,
  RepoSnapshot,
} from './types';

/** HTTPRoute files read per head: the renderer names them `httproute-*.yaml`. */
const MAX_ROUTE_FILES = 100;

/** An HTTP answer from GitHub that was not 2xx; carries no request headers. */
export class GithubApiError extends Error {
  readonly body: { message: string };
  constructor(readonly code: number, what: string, message?: string) {
    super(
      `GitHub answered ${code} for ${what}${message ? `: ${message}` : ''}`,
    );
    this.name = 'GithubApiError';
    this.body = { message: this.message };
  }
}

/** `owner`, `repo` and host of a GitHub repository URL. */
function parseRepoUrl(url: string) {
  const u = new URL(url);
  const [owner, repo] = u.pathname
    .replace(/^\/+|\/+$/g, '')
    .replace(/\.git$/, '')
    .split('/');
  return { host: u.host, owner, repo };
}

/**
 * Reads a GitHub repository at the head of `branch` over GitHub's REST API
 * (the `integrations.github` entry of its host gives the API URL and the
 * token or app): the last commits (`GET /repos/{o}/{r}/commits`), the head
 * tree (`GET .../git/trees/{sha}?recursive=1`), the YAML blobs whose file
 * name mentions `httproute` (`GET .../git/blobs/{sha}`, raw), and each
 * commit's changed files (`GET .../commits/{sha}`).
 * https://docs.github.com/en/rest/commits/commits
 * https://docs.github.com/en/rest/git/trees
 */
export async function readGithubRepo(
  integrations: ScmIntegrations,
  url: string,
  branch: string,
  webUrl: string,
  signal: AbortSignal,
): Promise<RepoSnapshot> {
  const integration = integrations.github.byUrl(url);
  if (!integration) {
    throw new Error(`No integrations.github entry for the host of ${webUrl}`);
  }
  const { owner, repo } = parseRepoUrl(url);
  const what = `${owner}/${repo}`;
  const credentials = await DefaultGithubCredentialsProvider.fromIntegrations(
    integrations,
  ).getCredentials({ url: webUrl });
  const apiBaseUrl = integration.config.apiBaseUrl;
  if (!apiBaseUrl) {
    throw new Error(
      `integrations.github for ${integration.config.host} has no apiBaseUrl`,
    );
  }
  const api = `${apiBaseUrl}/repos/${encodeURIComponent(
    owner,
  )}/${encodeURIComponent(repo)}`;
  const get = async (path: string, raw = false): Promise<any> => {
    const res = await fetch(`${api}${path}`, {
      headers: {
        ...credentials.headers,
        Accept: raw
          ? 'application/vnd.github.raw+json'
          : 'application/vnd.github+json',
        'X-GitHub-Api-Version': '2022-11-28',
      },
      signal,
    });
    if (!res.ok) {
      let message: string | undefined;
      try {
        message = ((await res.json()) as { message?: string }).message;
      } catch {
        message = undefined;
      }
      throw new GithubApiError(res.status, what, message);
    }
    return raw ? res.text() : res.json();
  };

  const commits: any[] = await get(
    `/commits?sha=${encodeURIComponent(branch)}&per_page=${GIT_HISTORY_LIMIT}`,
  );
  if (!Array.isArray(commits) || commits.length === 0) {
    throw new Error(`Repository ${what} has no commits on ${branch}`);
  }
  const head = String(commits[0].sha);
  const tree = await get(`/git/trees/${head}?recursive=1`);
  const blobs = (tree.tree as any[])
    .filter(
      e =>
        e.type === 'blob' &&
        isYaml(e.path) &&
        /httproute/i.test(e.path.split('/').pop()) &&
        (e.size ?? 0) <= MAX_YAML_BYTES,
    )
    .slice(0, MAX_ROUTE_FILES);
  const manifests: RepoFile[] = await Promise.all(
    blobs.map(async b => ({
      path: String(b.path),
      text: String(await get(`/git/blobs/${b.sha}`, true)),
    })),
  );
  const history: GitCommitInfo[] = await Promise.all(
    commits.map(async c => {
      const detail = await get(`/commits/${c.sha}`);
      const files = ((detail.files ?? []) as any[]).map(f =>
        String(f.filename),
      );
      const info: GitCommitInfo = {
        sha: String(c.sha),
        time: new Date(
          c.commit.committer?.date ?? c.commit.author?.date,
        ).toISOString(),
        author: String(c.commit.author?.name ?? c.author?.login ?? 'unknown'),
        message: String(c.commit.message ?? '').trim(),
        files: files.sort().slice(0, MAX_FILES_PER_COMMIT),
        url: c.html_url ?? `${webUrl}/commit/${c.sha}`,
      };
      if (files.length > MAX_FILES_PER_COMMIT) info.filesTruncated = true;
      return info;
    }),
  );
  return {
    repo: { kind: 'github', name: what, branch, head, webUrl },
    headTime: history[0].time,
    manifests: manifests.sort((a, b) => (a.path < b.path ? -1 : 1)),
    history,
  };
}
