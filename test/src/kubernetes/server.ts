import http from 'node:http';
import https from 'node:https';
import { AddressInfo, Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { ObjectStore } from './store';
import { KubeObject } from './types';
import { listPage, statusBody } from './responses';
import { KeyPair, selfSignedApiServerCertificate } from './tls';

/** What a path should do instead of answering normally. */
export type Fault =
  | { type: 'delay'; ms: number }
  | { type: 'fail'; status: number; message?: string }
  | { type: 'hang' }
  /** Closes the connection without an answer (the client sees ECONNRESET). */
  | { type: 'reset' };

export interface KubernetesTestServerOptions {
  /** Objects to serve. */
  objects: KubeObject[];
  /** Bearer token the server accepts; default `test-token`. */
  token?: string;
  /** Kubernetes version reported by `/version`; default `1.33.2`. */
  gitVersion?: string;
  /**
   * Serve HTTPS: `true` for a self-signed certificate (see `caPem`), or a
   * key pair.
   */
  tls?: boolean | KeyPair;
  /**
   * With `tls`: also accept client certificates signed by this CA (PEM), as
   * the API server's x509 authentication does; the certificate's CN is the
   * user.
   */
  clientCa?: string;
}

export interface KubernetesTestServer {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  token: string;
  /** With `tls`, the PEM certificate clients must trust. */
  caPem?: string;
  store: ObjectStore;
  /**
   * Makes requests whose path (without query) equals `path`, or matches it
   * when it is a RegExp, delay, fail or hang. Later faults win.
   */
  setFault(path: string | RegExp, fault: Fault): void;
  clearFaults(): void;
  /** Requests answered or held so far for one exact path (without query). */
  requestCount(path: string): number;
  /** Total requests, excluding `/version` when `excludeVersion` is set. */
  totalRequests(opts?: { excludeVersion?: boolean }): number;
  /** TCP (or TLS) connections accepted so far: shows keep-alive reuse. */
  connectionCount(): number;
  /** Who each request authenticated as: `token` or `cert:<CN>`, in order. */
  identities: string[];
  /** Every request path seen, with its query, in arrival order. */
  requests: string[];
  resetCounts(): void;
  close(): Promise<void>;
}

/**
 * A Kubernetes API server for tests: real HTTP(S) on 127.0.0.1 with a random
 * port, the real API paths and list shapes, bearer-token checks, `limit` /
 * `continue` paging, equality label selectors, and per-path faults.
 * `@kubernetes/client-node` talks to it unmodified.
 */
export async function startKubernetesTestServer(
  options: KubernetesTestServerOptions,
): Promise<KubernetesTestServer> {
  const token = options.token ?? 'test-token';
  const store = new ObjectStore(options.objects);
  const faults: { path: string | RegExp; fault: Fault }[] = [];
  const counts = new Map<string, number>();
  const requests: string[] = [];
  const identities: string[] = [];
  const sockets = new Set<Socket>();

  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    counts.set(path, (counts.get(path) ?? 0) + 1);
    requests.push(`${path}${url.search}`);

    const send = (status: number, body: unknown) => {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      res.writeHead(status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(text),
      });
      res.end(text);
    };

    const identity = authenticate(req, token, options.clientCa);
    if (!identity) {
      send(401, statusBody(401, 'Unauthorized', 'Unauthorized'));
      return;
    }
    identities.push(identity);
    const fault = [...faults]
      .reverse()
      .find(f =>
        typeof f.path === 'string' ? f.path === path : f.path.test(path),
      )?.fault;
    const answer = () => {
      if (fault?.type === 'fail') {
        send(fault.status, failure(fault.status, fault.message, path));
        return;
      }
      const [status, body] = route(store, path, url.searchParams, options);
      send(status, body);
    };
    if (fault?.type === 'hang') return; // held until the client gives up
    if (fault?.type === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault?.type === 'delay') setTimeout(answer, fault.ms);
    else answer();
  };

  const keyPair =
    options.tls === true
      ? selfSignedApiServerCertificate()
      : options.tls || undefined;
  const server = keyPair
    ? https.createServer(
        {
          key: keyPair.key,
          cert: keyPair.cert,
          ...(options.clientCa
            ? {
                requestCert: true,
                rejectUnauthorized: false,
                ca: options.clientCa,
              }
            : {}),
        },
        handler,
      )
    : http.createServer(handler);
  server.keepAliveTimeout = 5000;
  let connections = 0;
  server.on(keyPair ? 'secureConnection' : 'connection', () => {
    connections++;
  });
  server.on('connection', s => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `${keyPair ? 'https' : 'http'}://127.0.0.1:${port}`,
    token,
    caPem: keyPair?.cert,
    store,
    requests,
    identities,
    setFault: (path, fault) => {
      faults.push({ path, fault });
    },
    clearFaults: () => {
      faults.length = 0;
    },
    requestCount: path => counts.get(path) ?? 0,
    connectionCount: () => connections,
    totalRequests: opts =>
      [...counts.entries()]
        .filter(([p]) => !(opts?.excludeVersion && p === '/version'))
        .reduce((sum, [, n]) => sum + n, 0),
    resetCounts: () => {
      counts.clear();
      requests.length = 0;
      identities.length = 0;
    },
    close: () =>
      new Promise<void>(resolve => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The bearer token, or a client certificate the configured CA signed. */
function authenticate(
  req: http.IncomingMessage,
  token: string,
  clientCa: string | undefined,
): string | undefined {
  if (req.headers.authorization === `Bearer ${token}`) return 'token';
  const socket = req.socket as TLSSocket;
  if (clientCa && socket.authorized) {
    const cn = socket.getPeerCertificate().subject?.CN;
    return `cert:${Array.isArray(cn) ? cn[0] : cn}`;
  }
  return undefined;
}

function failure(status: number, message: string | undefined, path: string) {
  const reasons: Record<number, string> = {
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'NotFound',
    429: 'TooManyRequests',
    500: 'InternalError',
    503: 'ServiceUnavailable',
  };
  const reason = reasons[status] ?? 'InternalError';
  return statusBody(
    status,
    reason,
    message ?? `${reason} (injected for ${path})`,
  );
}

type Answer = [number, unknown];

/** Maps an API path onto the store: /version, collections and single objects. */
function route(
  store: ObjectStore,
  path: string,
  query: URLSearchParams,
  options: KubernetesTestServerOptions,
): Answer {
  if (path === '/version') {
    const gitVersion = `v${options.gitVersion ?? '1.33.2'}`;
    const [major, minor] = gitVersion.slice(1).split('.');
    return [
      200,
      {
        major,
        minor,
        gitVersion,
        platform: 'linux/amd64',
        goVersion: 'go1.24.4',
      },
    ];
  }
  const parts = path.split('/').filter(Boolean);
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api' && parts.length >= 2) {
    [group, version, rest] = ['', parts[1], parts.slice(2)];
  } else if (parts[0] === 'apis' && parts.length >= 3) {
    [group, version, rest] = [parts[1], parts[2], parts.slice(3)];
  } else {
    return [
      404,
      statusBody(
        404,
        'NotFound',
        'the server could not find the requested resource',
      ),
    ];
  }
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [plural, name] = rest;
  const type = plural ? store.type(group, version, plural) : undefined;
  if (!type || rest.length > 2 || (namespace && !type.namespaced)) {
    return [
      404,
      statusBody(
        404,
        'NotFound',
        'the server could not find the requested resource',
      ),
    ];
  }
  if (name) {
    const obj = store.get(type, namespace, name);
    if (!obj) {
      const what = group ? `${plural}.${group}` : plural;
      return [
        404,
        statusBody(404, 'NotFound', `${what} "${name}" not found`, {
          name,
          kind: plural,
        }),
      ];
    }
    return [200, obj];
  }
  const items = store.list(
    type,
    namespace,
    query.get('labelSelector') ?? undefined,
  );
  return listPage(type, items, store.resourceVersion, query);
}
