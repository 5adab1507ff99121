import http from 'node:http';
import https from 'node:https';
import { AddressInfo } from 'node:net';
import { KeyPair, selfSignedCertificate } from '../tls';
import {
  BadData,
  checkSyntax,
  formatValue,
  parseTime,
  rangeParams,
} from './params';
import type {
  PrometheusFault,
  QueryRule,
  ReceivedQuery,
  SeriesFixture,
} from './types';

export interface PrometheusTestServerOptions {
  rules?: QueryRule[];
  /**
   * The `Authorization` header every request must carry (as a reverse
   * proxy or Prometheus's web config checks it); others get 401.
   */
  authorization?: string;
  /** Serve HTTPS with a throw-away certificate (or this key pair). */
  tls?: boolean | KeyPair;
  /** The server's clock (unix seconds) for queries without `time`. */
  now?: () => number;
}

export interface PrometheusTestServer {
  /** Base URL, e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** With `tls`, the PEM certificate clients must trust. */
  ca?: string;
  /** Every API request received, oldest first. */
  readonly requests: ReceivedQuery[];
  /** Fail matching queries (or all, without `match`) until cleared. */
  setFault(fault: PrometheusFault | undefined): void;
  setRules(rules: QueryRule[]): void;
  close(): Promise<void>;
}

const normalise = (q: string) => q.replace(/\s+/g, ' ').trim();

function send(res: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** The error body Prometheus sends: `{status, errorType, error}`. */
function sendError(
  res: http.ServerResponse,
  status: number,
  errorType: string,
  error: string,
) {
  send(res, status, { status: 'error', errorType, error });
}

async function readParams(req: http.IncomingMessage, url: URL) {
  const params: Record<string, string> = {};
  url.searchParams.forEach((v, k) => (params[k] = v));
  if (req.method === 'POST') {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const type = req.headers['content-type'] ?? '';
    if (type.startsWith('application/x-www-form-urlencoded')) {
      new URLSearchParams(Buffer.concat(chunks).toString('utf8')).forEach(
        (v, k) => (params[k] = v),
      );
    }
  }
  return params;
}

function sample(s: SeriesFixture, t: number): [number, string] {
  return [t, formatValue(s.value(t))];
}

/**
 * A Prometheus HTTP API server on loopback: `GET`/`POST` (form-encoded)
 * `/api/v1/query` and `/api/v1/query_range` with Prometheus's JSON answers
 * (`vector`/`matrix`, `[<unix seconds>, "<value>"]` samples) and errors
 * (`bad_data` 400, `execution` 422, `timeout` 503), an optional
 * `Authorization` check and optional TLS. Series come from `rules`.
 */
export async function startPrometheusTestServer(
  options: PrometheusTestServerOptions = {},
): Promise<PrometheusTestServer> {
  let rules = options.rules ?? [];
  let fault: PrometheusFault | undefined;
  const requests: ReceivedQuery[] = [];
  const now = options.now ?? (() => Date.now() / 1000);
  const hung = new Set<http.ServerResponse>();

  const handler = async (
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (path !== '/api/v1/query' && path !== '/api/v1/query_range') {
      res
        .writeHead(404, { 'Content-Type': 'text/plain' })
        .end('404 page not found\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'POST') {
      res.writeHead(405, { Allow: 'GET, POST' }).end();
      return;
    }
    if (
      options.authorization !== undefined &&
      req.headers.authorization !== options.authorization
    ) {
      res
        .writeHead(401, { 'Content-Type': 'text/plain' })
        .end('Unauthorized\n');
      return;
    }
    const params = await readParams(req, url);
    requests.push({
      path,
      method: req.method,
      params,
      authorization: req.headers.authorization,
    });
    const query = normalise(params.query ?? '');
    try {
      checkSyntax(query);
      const active =
        fault && (!fault.match || query.includes(fault.match))
          ? fault
          : undefined;
      if (active?.kind === 'hang') {
        hung.add(res);
        res.on('close', () => hung.delete(res));
        return;
      }
      if (active?.kind === 'timeout') {
        sendError(
          res,
          503,
          'timeout',
          'query timed out in expression evaluation',
        );
        return;
      }
      if (active?.kind === 'execution') {
        sendError(
          res,
          422,
          'execution',
          active.message ??
            'query processing would load too many samples into memory in query execution',
        );
        return;
      }
      if (active?.kind === 'bad_data')
        throw new BadData(active.message ?? 'bad_data');
      const rule = rules.find(r =>
        r.match.every(m => query.includes(normalise(m))),
      );
      const series = rule?.series ?? [];
      if (path === '/api/v1/query') {
        const t =
          params.time !== undefined ? parseTime('time', params.time) : now();
        send(res, 200, {
          status: 'success',
          data: {
            resultType: 'vector',
            result: series.map(s => ({
              metric: s.metric,
              value: sample(s, t),
            })),
          },
        });
        return;
      }
      const { start, end, step } = rangeParams(params);
      const times: number[] = [];
      for (let t = start; t <= end + 1e-9; t += step) {
        times.push(Math.round(t * 1000) / 1000);
      }
      send(res, 200, {
        status: 'success',
        data: {
          resultType: 'matrix',
          result: series.map(s => ({
            metric: s.metric,
            values: times.map(t => sample(s, t)),
          })),
        },
      });
    } catch (e) {
      if (e instanceof BadData) sendError(res, 400, 'bad_data', e.message);
      else sendError(res, 500, 'internal', String(e));
    }
  };

  const keyPair =
    options.tls === true
      ? selfSignedCertificate('prometheus', ['DNS:localhost', 'IP:127.0.0.1'])
      : options.tls || undefined;
  const server = keyPair
    ? https.createServer({ key: keyPair.key, cert: keyPair.cert }, handler)
    : http.createServer(handler);
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${keyPair ? 'https' : 'http'}://127.0.0.1:${port}`,
    ca: keyPair?.cert,
    requests,
    setFault: f => {
      fault = f;
    },
    setRules: r => {
      rules = r;
    },
    close: async () => {
      for (const res of hung) res.destroy();
      server.closeAllConnections();
      await new Promise<void>(resolve => server.close(() => resolve()));
    },
  };
}
