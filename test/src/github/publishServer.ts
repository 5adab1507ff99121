import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import git from 'isomorphic-git';

export interface GithubPublishServer {
  /** e.g. `http://127.0.0.1:41234/api/v3` (GitHub Enterprise's layout). */
  apiBaseUrl: string;
  /** `127.0.0.1:<port>`, the integration's host. */
  host: string;
  /** The bare repository of `owner/repo` on disk (after it was created). */
  gitdir(owner: string, repo: string): string;
  /** Branch protection set through the REST API, by `owner/repo:branch`. */
  protections: Map<string, any>;
  /** `METHOD path` of every request, in arrival order. */
  requests: string[];
  close(): Promise<void>;
}

type Reply = [number, unknown, string?];

/**
 * A GitHub Enterprise–style server on loopback for `publish:github`:
 * the REST calls it makes to create a repository (users/orgs lookup, repo
 * creation), git smart HTTP served by the real `git http-backend` CGI over
 * the bare repositories it creates, and file reads through the contents API
 * (what the GitHub UrlReader fetches for an Enterprise host with a token).
 * https://docs.github.com/en/enterprise-server@3.14/rest/users/users#get-a-user
 * https://docs.github.com/en/enterprise-server@3.14/rest/repos/repos#create-an-organization-repository
 * https://docs.github.com/en/enterprise-server@3.14/rest/repos/contents#get-repository-content
 * https://git-scm.com/docs/git-http-backend
 */
export async function startGithubPublishServer(opts: {
  /** Where the bare repositories go (<root>/<owner>/<repo>.git). */
  root: string;
  /** Organizations that exist; any other login is a user. */
  orgs: string[];
  /** The authenticated user (owner of POST /user/repos). */
  user: string;
  token: string;
}): Promise<GithubPublishServer> {
  const requests: string[] = [];
  let host = '';
  const gitdir = (owner: string, repo: string) =>
    path.join(opts.root, owner, `${repo}.git`);
  const repoJson = (owner: string, name: string) => ({
    name,
    full_name: `${owner}/${name}`,
    owner: { login: owner },
    private: true,
    default_branch: 'main',
    html_url: `http://${host}/${owner}/${name}`,
    clone_url: `http://${host}/${owner}/${name}.git`,
  });

  const createRepo = (owner: string, body: any): Reply => {
    const name = body?.name;
    if (typeof name !== 'string' || !/^[\w.-]+$/.test(name)) {
      return [422, { message: 'Repository creation failed: invalid name' }];
    }
    const dir = gitdir(owner, name);
    if (fs.existsSync(dir)) {
      return [
        422,
        {
          message:
            'Repository creation failed: name already exists on this account',
        },
      ];
    }
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    execFileSync('git', [
      'init',
      '--quiet',
      '--bare',
      '--initial-branch=main',
      dir,
    ]);
    // Pushes are authenticated by this server; let http-backend accept them.
    execFileSync('git', ['config', 'http.receivepack', 'true'], { cwd: dir });
    return [201, repoJson(owner, name)];
  };

  const protections = new Map<string, any>();

  /**
   * PUT /repos/{owner}/{repo}/branches/{branch}/protection. With required
   * pull request reviews and enforce_admins, GitHub refuses direct pushes to
   * the branch; a pre-receive hook in the bare repository does the same here.
   * https://docs.github.com/en/enterprise-server@3.14/rest/branches/branch-protection#update-branch-protection
   */
  const protect = async (
    owner: string,
    repo: string,
    branch: string,
    body: any,
  ): Promise<Reply> => {
    const dir = gitdir(owner, repo);
    if (!fs.existsSync(dir)) return [404, { message: 'Not Found' }];
    try {
      await git.resolveRef({ fs, gitdir: dir, ref: `refs/heads/${branch}` });
    } catch {
      return [404, { message: 'Branch not found' }];
    }
    protections.set(`${owner}/${repo}:${branch}`, body);
    if (body?.required_pull_request_reviews && body?.enforce_admins) {
      const hook = path.join(dir, 'hooks', 'pre-receive');
      fs.writeFileSync(
        hook,
        [
          '#!/bin/sh',
          'while read old new ref; do',
          `  if [ "$ref" = "refs/heads/${branch}" ]; then`,
          `    echo "error: GH006: Protected branch update failed for refs/heads/${branch}." >&2`,
          '    echo "error: Changes must be made through a pull request." >&2',
          '    exit 1',
          '  fi',
          'done',
          '',
        ].join('\n'),
        { mode: 0o755 },
      );
    }
    return [
      200,
      {
        url: `http://${host}/api/v3/repos/${owner}/${repo}/branches/${branch}/protection`,
        ...body,
        enforce_admins: { enabled: Boolean(body?.enforce_admins) },
      },
    ];
  };

  const contents = async (
    owner: string,
    repo: string,
    p: string,
    url: URL,
    accept?: string,
  ): Promise<Reply> => {
    const dir = gitdir(owner, repo);
    if (!fs.existsSync(dir)) return [404, { message: 'Not Found' }];
    const ref = url.searchParams.get('ref') ?? 'main';
    try {
      const oid = await git.resolveRef({ fs, gitdir: dir, ref });
      const { blob, oid: sha } = await git.readBlob({
        fs,
        gitdir: dir,
        oid,
        filepath: p,
      });
      if (accept?.includes('raw')) {
        return [200, Buffer.from(blob), 'application/vnd.github.raw'];
      }
      return [
        200,
        {
          type: 'file',
          path: p,
          sha,
          encoding: 'base64',
          content: Buffer.from(blob).toString('base64'),
        },
      ];
    } catch {
      return [404, { message: 'Not Found' }];
    }
  };

  const rest = async (
    req: http.IncomingMessage,
    url: URL,
    body: any,
  ): Promise<Reply> => {
    const auth = req.headers.authorization ?? '';
    if (auth !== `token ${opts.token}` && auth !== `Bearer ${opts.token}`) {
      return [401, { message: 'Bad credentials' }];
    }
    const p = url.pathname.slice('/api/v3'.length);
    let m = /^\/(users|orgs)\/([\w.-]+)$/.exec(p);
    if (m && req.method === 'GET') {
      const isOrg = opts.orgs.includes(m[2]);
      if (m[1] === 'orgs' && !isOrg) return [404, { message: 'Not Found' }];
      if (!isOrg && m[2] !== opts.user) return [404, { message: 'Not Found' }];
      return [200, { login: m[2], type: isOrg ? 'Organization' : 'User' }];
    }
    m = /^\/orgs\/([\w.-]+)\/repos$/.exec(p);
    if (m && req.method === 'POST') {
      if (!opts.orgs.includes(m[1])) return [404, { message: 'Not Found' }];
      return createRepo(m[1], body);
    }
    if (p === '/user/repos' && req.method === 'POST')
      return createRepo(opts.user, body);
    m = /^\/repos\/([\w.-]+)\/([\w.-]+)\/branches\/([\w.-]+)\/protection$/.exec(
      p,
    );
    if (m && req.method === 'PUT') return protect(m[1], m[2], m[3], body);
    m = /^\/repos\/([\w.-]+)\/([\w.-]+)\/contents\/(.+)$/.exec(p);
    if (m && req.method === 'GET') {
      return contents(
        m[1],
        m[2],
        decodeURIComponent(m[3]),
        url,
        req.headers.accept,
      );
    }
    return [404, { message: 'Not Found' }];
  };

  /** Runs `git http-backend` as a CGI for one smart-HTTP request. */
  const smartHttp = (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
  ) => {
    const basic = `Basic ${Buffer.from(`x-access-token:${opts.token}`).toString(
      'base64',
    )}`;
    if (req.headers.authorization !== basic) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="GitHub"' });
      res.end();
      return;
    }
    const cgi = spawn('git', ['http-backend'], {
      env: {
        PATH: process.env.PATH,
        GIT_PROJECT_ROOT: opts.root,
        GIT_HTTP_EXPORT_ALL: '1',
        REMOTE_USER: 'x-access-token',
        REQUEST_METHOD: req.method,
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.slice(1),
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        ...(req.headers['content-length']
          ? { CONTENT_LENGTH: req.headers['content-length'] }
          : {}),
        ...(req.headers['content-encoding']
          ? { HTTP_CONTENT_ENCODING: req.headers['content-encoding'] }
          : {}),
        GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
      },
    });
    req.pipe(cgi.stdin);
    let head = Buffer.alloc(0);
    let headersDone = false;
    cgi.stdout.on('data', (chunk: Buffer) => {
      if (headersDone) {
        res.write(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const text = head.toString('latin1');
      const end = text.search(/\r?\n\r?\n/);
      if (end < 0) return;
      const sep = /\r?\n\r?\n/.exec(text)![0].length;
      let status = 200;
      const headers: Record<string, string> = {};
      for (const line of text.slice(0, end).split(/\r?\n/)) {
        const i = line.indexOf(':');
        const [k, v] = [line.slice(0, i).trim(), line.slice(i + 1).trim()];
        if (k.toLowerCase() === 'status') status = parseInt(v, 10);
        else headers[k] = v;
      }
      res.writeHead(status, headers);
      headersDone = true;
      res.write(head.subarray(end + sep));
    });
    let stderr = '';
    cgi.stderr.on('data', d => (stderr += d));
    cgi.on('close', code => {
      if (!headersDone) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`git http-backend exited ${code}: ${stderr}`);
      } else res.end();
    });
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(`${req.method} ${url.pathname}`);
    if (
      /^\/[\w.-]+\/[\w.-]+\.git\/(info\/refs|git-upload-pack|git-receive-pack)$/.test(
        url.pathname,
      )
    ) {
      smartHttp(req, res, url);
      return;
    }
    if (!url.pathname.startsWith('/api/v3/')) {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => {
      let body: unknown;
      try {
        body = chunks.length
          ? JSON.parse(Buffer.concat(chunks).toString('utf8'))
          : undefined;
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: 'Problems parsing JSON' }));
        return;
      }
      rest(req, url, body)
        .then(([status, out, type]) => {
          res.writeHead(status, {
            'content-type': type ?? 'application/json; charset=utf-8',
          });
          res.end(
            Buffer.isBuffer(out)
              ? out
              : JSON.stringify(
                  status >= 400
                    ? {
                        ...(out as object),
                        documentation_url:
                          'https://docs.github.com/enterprise-server/rest',
                      }
                    : out,
                ),
          );
        })
        .catch(e => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ message: String(e?.message ?? e) }));
        });
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiBaseUrl: `http://${host}/api/v3`,
    host,
    gitdir,
    protections,
    requests,
    close: () =>
      new Promise<void>(resolve => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
