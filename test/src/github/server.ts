import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import git, { TREE } from 'isomorphic-git';

/** GitHub's `files[].status` of a path present in `now`, `before` or both. */
function fileStatus(now: unknown, before: unknown): string {
  if (!before) return 'added';
  if (!now) return 'removed';
  return 'modified';
}

export interface GithubTestServer {
  /** e.g. `http://127.0.0.1:41234/api/v3` (GitHub Enterprise's layout). */
  apiBaseUrl: string;
  /** `127.0.0.1:<port>`, the integration's host. */
  host: string;
  /** Every request path with its query, in arrival order. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * The part of GitHub's REST API a repository reader uses, served from a
 * real bare repository on disk (read with isomorphic-git), for one
 * `owner/repo`: list commits, get a commit (with its changed files), get a
 * tree (recursive) and get a blob (raw with `application/vnd.github.raw+json`).
 * Requests need `Authorization: Bearer <token>`; errors answer with
 * GitHub's `{ message, documentation_url }` body.
 * https://docs.github.com/en/rest/commits/commits
 * https://docs.github.com/en/rest/git/trees
 * https://docs.github.com/en/rest/git/blobs
 */
export async function startGithubTestServer(opts: {
  gitdir: string;
  owner: string;
  repo: string;
  token: string;
}): Promise<GithubTestServer> {
  const { gitdir } = opts;
  const requests: string[] = [];
  let host = '';
  const prefix = `/api/v3/repos/${opts.owner}/${opts.repo}`;
  const webBase = () => `https://${host}/${opts.owner}/${opts.repo}`;

  const commitJson = async (oid: string) => {
    const { commit } = await git.readCommit({ fs, gitdir, oid });
    const person = (p: typeof commit.author) => ({
      name: p.name,
      email: p.email,
      date: new Date(p.timestamp * 1000).toISOString().replace('.000Z', 'Z'),
    });
    return {
      sha: oid,
      commit: {
        author: person(commit.author),
        committer: person(commit.committer),
        message: commit.message.replace(/\n$/, ''),
        tree: { sha: commit.tree },
      },
      html_url: `${webBase()}/commit/${oid}`,
      parents: commit.parent.map(sha => ({ sha })),
    };
  };

  const changed = async (oid: string, parent?: string) => {
    const files: { filename: string; status: string }[] = [];
    await git.walk({
      fs,
      gitdir,
      trees: parent
        ? [TREE({ ref: oid }), TREE({ ref: parent })]
        : [TREE({ ref: oid })],
      map: async (filepath, [a, b]) => {
        if (filepath === '.') return undefined;
        const [x, y] = [await a?.oid(), await b?.oid()];
        if (x === y) return null;
        if (((await a?.type()) ?? (await b?.type())) === 'blob') {
          files.push({
            filename: filepath,
            status: fileStatus(a, b),
          });
        }
        return undefined;
      },
    });
    return files;
  };

  const handle = async (
    req: http.IncomingMessage,
    url: URL,
  ): Promise<[number, unknown, boolean?]> => {
    if (req.headers.authorization !== `Bearer ${opts.token}`) {
      return [401, { message: 'Bad credentials' }];
    }
    if (!url.pathname.startsWith(prefix))
      return [404, { message: 'Not Found' }];
    const rest = url.pathname.slice(prefix.length);
    if (rest === '/commits') {
      const ref = url.searchParams.get('sha') ?? 'main';
      const depth = Number(url.searchParams.get('per_page') ?? 30);
      let head: string;
      try {
        head = await git.resolveRef({ fs, gitdir, ref: `refs/heads/${ref}` });
      } catch {
        return [404, { message: `No commit found for SHA: ${ref}` }];
      }
      const log = await git.log({ fs, gitdir, ref: head, depth });
      return [200, await Promise.all(log.map(c => commitJson(c.oid)))];
    }
    let m = /^\/commits\/([0-9a-f]{40})$/.exec(rest);
    if (m) {
      const json = await commitJson(m[1]);
      return [
        200,
        { ...json, files: await changed(m[1], json.parents[0]?.sha) },
      ];
    }
    m = /^\/git\/trees\/([0-9a-f]{40})$/.exec(rest);
    if (m) {
      const { commit } = await git.readCommit({ fs, gitdir, oid: m[1] });
      const tree: unknown[] = [];
      await git.walk({
        fs,
        gitdir,
        trees: [TREE({ ref: m[1] })],
        map: async (filepath, [e]) => {
          if (filepath === '.' || !e) return undefined;
          const type = await e.type();
          const content = type === 'blob' ? await e.content() : undefined;
          tree.push({
            path: filepath,
            mode: (await e.mode()).toString(8).padStart(6, '0'),
            type,
            sha: await e.oid(),
            ...(content ? { size: content.byteLength } : {}),
          });
          return undefined;
        },
      });
      return [200, { sha: commit.tree, tree, truncated: false }];
    }
    m = /^\/git\/blobs\/([0-9a-f]{40})$/.exec(rest);
    if (m) {
      const { blob } = await git.readBlob({ fs, gitdir, oid: m[1] });
      if (req.headers.accept === 'application/vnd.github.raw+json') {
        return [200, Buffer.from(blob).toString('utf8'), true];
      }
      return [
        200,
        {
          sha: m[1],
          encoding: 'base64',
          content: Buffer.from(blob).toString('base64'),
        },
      ];
    }
    return [404, { message: 'Not Found' }];
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(`${url.pathname}${url.search}`);
    handle(req, url)
      .then(([status, body, raw]) => {
        const text = raw
          ? String(body)
          : JSON.stringify(
              status >= 400
                ? {
                    ...(body as object),
                    documentation_url: 'https://docs.github.com/rest',
                  }
                : body,
            );
        res.writeHead(status, {
          'content-type': raw
            ? 'application/vnd.github.raw'
            : 'application/json; charset=utf-8',
        });
        res.end(text);
      })
      .catch(e => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: String(e?.message ?? e) }));
      });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiBaseUrl: `http://${host}/api/v3`,
    host,
    requests,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}
