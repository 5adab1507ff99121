import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import { MetricError } from '@internal/plugin-cilium-common';
import { PrometheusSettings } from './config';
import { NETWORK_CODES } from '../sources/sourceErrors';

/** One sample: `[unix seconds, "value"]` as the API sends it. */
export type PromSample = [number, string];

export interface VectorItem {
  metric: Record<string, string>;
  value: PromSample;
}

export interface MatrixItem {
  metric: Record<string, string>;
  values: PromSample[];
}

/** A failed query, with a reason the UI can tell apart. */
export class PrometheusQueryError extends Error {
  constructor(readonly detail: MetricError) {
    super(detail.message);
    this.name = 'PrometheusQueryError';
  }
}

/** Largest answer read (a fixed query over a few workloads is far smaller). */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

const NETWORK = new Set(NETWORK_CODES);

/**
 * A small client of the Prometheus HTTP API
 * (https://prometheus.io/docs/prometheus/latest/querying/api/): instant
 * (`/api/v1/query`) and range (`/api/v1/query_range`) queries sent as
 * form-encoded POSTs, each bounded by the configured timeout (passed to
 * Prometheus as `timeout` too). Errors become {@link PrometheusQueryError}:
 * `bad_data` (400), `execution` (422), `timeout` (503 or no answer in time),
 * `unauthorized` (401/403), `unreachable`.
 */
export class PrometheusClient {
  private readonly agent: http.Agent;

  constructor(private readonly settings: PrometheusSettings) {
    this.agent = settings.url.startsWith('https:')
      ? new https.Agent({
          keepAlive: true,
          ca: settings.ca ? [...tls.rootCertificates, settings.ca] : undefined,
          rejectUnauthorized: !settings.insecureSkipVerify,
        })
      : new http.Agent({ keepAlive: true });
  }

  async instant(
    query: string,
    opts: { time?: number; signal?: AbortSignal } = {},
  ): Promise<VectorItem[]> {
    const params: Record<string, string> = { query };
    if (opts.time !== undefined) params.time = String(opts.time);
    const data = await this.call('/api/v1/query', params, opts.signal);
    return this.expect<VectorItem[]>(data, 'vector');
  }

  async range(
    query: string,
    opts: { start: number; end: number; step: number; signal?: AbortSignal },
  ): Promise<MatrixItem[]> {
    const params = {
      query,
      start: String(opts.start),
      end: String(opts.end),
      step: String(opts.step),
    };
    const data = await this.call('/api/v1/query_range', params, opts.signal);
    return this.expect<MatrixItem[]>(data, 'matrix');
  }

  close() {
    this.agent.destroy();
  }

  private expect<T>(data: unknown, type: string): T {
    const d = data as { resultType?: unknown; result?: unknown };
    if (d?.resultType !== type || !Array.isArray(d.result)) {
      throw new PrometheusQueryError({
        reason: 'error',
        message: `Prometheus answered resultType ${String(
          d?.resultType,
        )}, expected ${type}`,
      });
    }
    return d.result as T;
  }

  private call(
    path: string,
    params: Record<string, string>,
    signal?: AbortSignal,
  ): Promise<unknown> {
    const { settings } = this;
    const body = new URLSearchParams({
      ...params,
      timeout: `${Math.max(1, Math.floor(settings.timeoutMs / 1000))}s`,
    }).toString();
    const url = new URL(`${settings.url}${path}`);
    const transport = url.protocol === 'https:' ? https : http;
    const headers: http.OutgoingHttpHeaders = {
      'Content-Type': 'application/x-www-form-urlencoded',
      'Content-Length': Buffer.byteLength(body),
      Accept: 'application/json',
    };
    if (settings.authorization) headers.Authorization = settings.authorization;

    return new Promise((resolve, reject) => {
      const fail = (detail: MetricError) =>
        reject(new PrometheusQueryError(detail));
      // Set once the request exists: its deadline and cancellation.
      const guard: { timer?: NodeJS.Timeout; onAbort?: () => void } = {};
      const done = () => {
        clearTimeout(guard.timer);
        if (guard.onAbort) signal?.removeEventListener('abort', guard.onAbort);
      };
      const req = transport.request(
        url,
        { method: 'POST', headers, agent: this.agent },
        res => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (c: Buffer) => {
            size += c.length;
            if (size > MAX_BODY_BYTES) {
              req.destroy();
              done();
              fail({
                reason: 'error',
                message: `Prometheus answered more than ${MAX_BODY_BYTES} bytes`,
              });
              return;
            }
            chunks.push(c);
          });
          res.on('error', () => {});
          res.on('end', () => {
            done();
            const status = res.statusCode ?? 0;
            const text = Buffer.concat(chunks).toString('utf8');
            try {
              resolve(answer(status, text));
            } catch (e) {
              reject(e);
            }
          });
        },
      );
      req.on('error', (e: NodeJS.ErrnoException) => {
        done();
        fail(networkError(e));
      });
      guard.timer = setTimeout(() => {
        req.destroy();
        fail({
          reason: 'timeout',
          message: `Prometheus did not answer within ${settings.timeoutMs} ms`,
        });
      }, settings.timeoutMs);
      guard.onAbort = () => {
        req.destroy();
        fail({ reason: 'timeout', message: 'The query was cancelled' });
      };
      signal?.addEventListener('abort', guard.onAbort, { once: true });
      req.end(body);
    });
  }
}

/** The `data` of a success body, or the error Prometheus (or a proxy) said. */
function answer(status: number, text: string): unknown {
  let body: {
    status?: string;
    data?: unknown;
    errorType?: string;
    error?: string;
  };
  try {
    body = JSON.parse(text);
  } catch {
    body = {};
  }
  if (status === 401 || status === 403) {
    throw new PrometheusQueryError({
      reason: 'unauthorized',
      statusCode: status,
      message: `Prometheus answered ${status}: check cilium.clusters[].prometheus.authorization`,
    });
  }
  if (status >= 200 && status < 300 && body.status === 'success') {
    return body.data;
  }
  const known: Record<string, MetricError['reason']> = {
    bad_data: 'bad_data',
    execution: 'execution',
    timeout: 'timeout',
    canceled: 'timeout',
  };
  const reason = (body.errorType && known[body.errorType]) || 'error';
  throw new PrometheusQueryError({
    reason,
    statusCode: status,
    message: body.error
      ? `Prometheus: ${body.errorType ?? 'error'}: ${body.error}`
      : `Prometheus answered ${status} without an API answer`,
  });
}

function networkError(e: NodeJS.ErrnoException): MetricError {
  if (e.code && NETWORK.has(e.code)) {
    return {
      reason: 'unreachable',
      message: `Could not reach Prometheus: ${e.code}`,
    };
  }
  if (e.code && /CERT|SELF_SIGNED|TLS|SSL/.test(e.code)) {
    return {
      reason: 'unreachable',
      message: `Prometheus's certificate could not be verified (${e.code}): configure cilium.clusters[].prometheus.tls.caData or caFile`,
    };
  }
  return {
    reason: 'error',
    message: `Prometheus request failed: ${e.message}`,
  };
}
