/**
 * Processes and backends of the status benchmark: the Kubernetes API test
 * servers and the HTTP client (own processes), our plugin and Backstage's
 * kubernetes-backend (startTestBackend, in-process).
 */
import { fork } from 'node:child_process';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import ciliumPlugin from '@internal/plugin-cilium-backend';
import { BenchCluster } from './rawLists';

export const WARM_REQUESTS = Number(process.env.BENCH_WARM_REQUESTS ?? 1000);
export const WARM_CONCURRENCY = 50;
export const AUTH = { authorization: mockCredentials.user.header() };
/**
 * Warm requests look like a browser's and accept gzip. Cold requests (ours
 * and kubernetes-backend's) do not: startTestBackend has no compression
 * middleware, so core answers uncompressed, and so must we to compare like
 * with like (the raw floor has no response at all).
 */
export const BROWSER = { ...AUTH, 'accept-encoding': 'gzip' };

const forkTs = (file: string) =>
  fork(path.join(__dirname, file), {
    execArgv: ['--import', 'tsx'],
    env: process.env,
  });

/** The HTTP client process: warm load and single timed requests. */
export function startClient() {
  const child = forkTs('loadClient.ts');
  let nextId = 0;
  const pending = new Map<number, (r: TimedResponse) => void>();
  let loadDone:
    | ((r: { samples: number[]; failed: number }) => void)
    | undefined;
  child.on('message', (m: any) => {
    if (m.samples) loadDone?.(m);
    else pending.get(m.id)?.(m);
  });
  return {
    /** One request, timed by the client process. */
    request(
      url: string,
      opts: { method?: string; headers: Record<string, string>; body?: string },
    ): Promise<TimedResponse> {
      const id = nextId++;
      return new Promise(resolve => {
        pending.set(id, r => {
          pending.delete(id);
          resolve(r);
        });
        child.send({ type: 'one', id, url, ...opts });
      });
    },
    /** The warm load; returns every latency. */
    async load(
      urls: string[],
      headers: Record<string, string> = BROWSER,
    ): Promise<number[]> {
      const done = new Promise<{ samples: number[]; failed: number }>(r => {
        loadDone = r;
      });
      child.send({
        type: 'load',
        urls,
        headers,
        total: WARM_REQUESTS,
        concurrency: WARM_CONCURRENCY,
      });
      const result = await done;
      if (result.failed) {
        throw new Error(`${result.failed} warm requests failed`);
      }
      return result.samples;
    },
    stop: () => child.kill(),
  };
}

type TimedResponse = { ms: number; status: number; bytes: number };

export async function startServers(): Promise<{
  clusters: BenchCluster[];
  stop: () => void;
}> {
  const child = forkTs('serversProcess.ts');
  const clusters = await new Promise<BenchCluster[]>((resolve, reject) => {
    child.once('message', (m: any) => resolve(m.servers));
    child.once('exit', code =>
      reject(new Error(`servers exited with ${code}`)),
    );
  });
  return { clusters, stop: () => child.kill() };
}

/** The `kubernetes` app-config for test-server clusters (token, no TLS). */
export function kubernetesConfig(clusters: BenchCluster[]) {
  return {
    serviceLocatorMethod: { type: 'singleTenant' },
    clusterLocatorMethods: [
      {
        type: 'config',
        clusters: clusters.map(c => ({
          name: c.name,
          url: c.url,
          authProvider: 'serviceAccount',
          serviceAccountToken: c.token,
          skipTLSVerify: true,
          skipMetricsLookup: true,
        })),
      },
    ],
  };
}

export async function startCilium(
  clusters: BenchCluster[],
  cacheTtlSeconds: number,
) {
  const backend = await startTestBackend({
    features: [
      ciliumPlugin,
      mockServices.rootConfig.factory({
        data: {
          kubernetes: kubernetesConfig(clusters),
          cilium: {
            cacheTtlSeconds,
            timeoutMs: 10000,
            clusters: clusters.map(c => ({ name: c.name, meshPeers: [] })),
          },
        },
      }),
      catalogServiceMock.factory({ entities: [] }),
    ],
  });
  return {
    backend,
    base: `http://127.0.0.1:${backend.server.port()}/api/cilium`,
  };
}

export async function startCore(clusters: BenchCluster[]) {
  const entities = clusters.map(c => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: c.name,
      namespace: 'default',
      annotations: {
        'backstage.io/kubernetes-id': c.name,
        'backstage.io/kubernetes-cluster': c.name,
      },
    },
    spec: { type: 'service', owner: 'bench', lifecycle: 'production' },
  }));
  const backend = await startTestBackend({
    features: [
      import('@backstage/plugin-kubernetes-backend'),
      mockServices.rootConfig.factory({
        data: { kubernetes: kubernetesConfig(clusters) },
      }),
      catalogServiceMock.factory({ entities }),
    ],
  });
  return {
    backend,
    base: `http://127.0.0.1:${backend.server.port()}/api/kubernetes`,
  };
}

/**
 * Same load client against a bare HTTP server sending the same bytes: the
 * gzipped status documents, requested round-robin like the warm phase.
 */
export async function warmFloor(
  client: ReturnType<typeof startClient>,
  bodies: Buffer[],
): Promise<number[]> {
  const server = http.createServer((req, res) => {
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
    });
    res.end(bodies[Number(req.url!.slice(1)) % bodies.length]);
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  try {
    return await client.load(
      bodies.map((_, i) => `http://127.0.0.1:${port}/${i}`),
    );
  } finally {
    server.close();
  }
}

export function gzipBody(url: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: BROWSER }, res => {
        const chunks: Buffer[] = [];
        res.on('data', c => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks)));
      })
      .on('error', reject);
  });
}

export const ok =
  (what: string) => (r: { status: number; ms: number; bytes: number }) => {
    if (r.status !== 200) throw new Error(`${what} answered ${r.status}`);
    return r;
  };

/** The ETag the status API gives a document (for revalidation). */
export function etagOf(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: BROWSER }, res => {
        res.resume();
        res.on('end', () => resolve(String(res.headers.etag)));
      })
      .on('error', reject);
  });
}
