/**
 * Status API benchmark (`yarn bench:status`): prints figures, is not a test.
 *
 * 10 synthetic clusters × (200 Gateways, 2,000 HTTPRoutes, 50 CiliumNodes) on
 * Kubernetes API test servers (own process). Measured in one run:
 * - cold: GET /api/cilium/clusters/:name/status with caching off, one request
 *   at a time, round-robin over the clusters;
 * - raw: the same reads done directly with @kubernetes/client-node in
 *   parallel (the floor);
 * - core: Backstage's kubernetes-backend POST /resources/custom/query for the
 *   same Gateways and HTTPRoutes of one cluster (singleTenant locator, entity
 *   pinned to the cluster);
 * - warm: the same status route with caching on, 50 concurrent clients.
 * HTTP requests are made and timed by a separate client process, as a
 * browser would be; the raw floor runs in this process (it is the client).
 * Phase 1 (cold + raw interleaved, then warm) ends with the RSS snapshot;
 * phase 2 measures core interleaved with more cold requests (vs_core uses
 * those). RSS growth is the process's, from before our backends started.
 * Sizes: BENCH_CLUSTERS, BENCH_GATEWAYS, BENCH_ROUTES, BENCH_NODES,
 * BENCH_SAMPLES, BENCH_WARM_REQUESTS.
 */
import { fork } from 'node:child_process';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import ciliumPlugin from '@internal/plugin-cilium-backend';
import { BenchCluster, rawReader } from './status/rawLists';
import { median, p95, rssMb, timed } from './status/measure';

const CLUSTERS = Number(process.env.BENCH_CLUSTERS ?? 10);
const ROUTES = Number(process.env.BENCH_ROUTES ?? 2000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 40);
const WARM_REQUESTS = Number(process.env.BENCH_WARM_REQUESTS ?? 1000);
const WARM_CONCURRENCY = 50;
const AUTH = { authorization: mockCredentials.user.header() };
/**
 * Warm requests look like a browser's and accept gzip. Cold requests (ours
 * and kubernetes-backend's) do not: startTestBackend has no compression
 * middleware, so core answers uncompressed, and so must we to compare like
 * with like (the raw floor has no response at all).
 */
const BROWSER = { ...AUTH, 'accept-encoding': 'gzip' };

const forkTs = (file: string) =>
  fork(path.join(__dirname, 'status', file), {
    execArgv: ['--import', 'tsx'],
    env: process.env,
  });

/** The HTTP client process: warm load and single timed requests. */
function startClient() {
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
    async load(urls: string[]): Promise<number[]> {
      const done = new Promise<{ samples: number[]; failed: number }>(r => {
        loadDone = r;
      });
      child.send({
        type: 'load',
        urls,
        headers: BROWSER,
        total: WARM_REQUESTS,
        concurrency: WARM_CONCURRENCY,
      });
      const result = await done;
      if (result.failed)
        throw new Error(`${result.failed} warm requests failed`);
      return result.samples;
    },
    stop: () => child.kill(),
  };
}

type TimedResponse = { ms: number; status: number; bytes: number };

async function startServers(): Promise<{
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

function kubernetesConfig(clusters: BenchCluster[]) {
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

async function startCilium(clusters: BenchCluster[], cacheTtlSeconds: number) {
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

async function startCore(clusters: BenchCluster[]) {
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

/** Same load client against a bare HTTP server sending the same bytes. */
async function warmFloor(
  client: ReturnType<typeof startClient>,
  body: Buffer,
): Promise<number[]> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
    });
    res.end(body);
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  try {
    return await client.load([`http://127.0.0.1:${port}/`]);
  } finally {
    server.close();
  }
}

function gzipBody(url: string): Promise<Buffer> {
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

const ok =
  (what: string) => (r: { status: number; ms: number; bytes: number }) => {
    if (r.status !== 200) throw new Error(`${what} answered ${r.status}`);
    return r;
  };

async function main() {
  const { clusters, stop } = await startServers();
  const names = clusters.map(c => c.name);
  const pick = (i: number) => names[i % names.length];
  const raw = clusters.map(rawReader);
  const client = startClient();
  const rssBefore = rssMb();

  // Phase 1: the status API, cold (cache off) interleaved with the raw
  // client-node floor, then warm (cache on) under external load.
  const cold = await startCilium(clusters, 0);
  const warm = await startCilium(clusters, 300);
  const ours = (base: string, i: number) =>
    client
      .request(`${base}/clusters/${pick(i)}/status`, { headers: AUTH })
      .then(ok('status route'));
  for (let i = 0; i < names.length; i++) {
    await ours(cold.base, i);
    await raw[i]();
  }
  const coldSamples: number[] = [];
  const rawSamples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    coldSamples.push((await ours(cold.base, i)).ms);
    rawSamples.push(await timed(() => raw[i % raw.length]()));
  }
  for (let i = 0; i < names.length; i++) await ours(warm.base, i); // fill the cache
  const warmSamples = await client.load(
    names.map(n => `${warm.base}/clusters/${n}/status`),
  );
  const rssAfter = rssMb();
  const gz = await gzipBody(`${warm.base}/clusters/${names[0]}/status`);
  const bytes = (
    await client.request(`${warm.base}/clusters/${names[0]}/status`, {
      headers: AUTH,
    })
  ).bytes;
  await warm.backend.stop();

  // Phase 2: Backstage's kubernetes-backend, interleaved with cold requests.
  const core = await startCore(clusters);
  const coreQuery = (i: number) =>
    client
      .request(`${core.base}/resources/custom/query`, {
        method: 'POST',
        headers: { ...AUTH, 'content-type': 'application/json' },
        body: JSON.stringify({
          entityRef: `component:default/${pick(i)}`,
          auth: {},
          customResources: [
            {
              group: 'gateway.networking.k8s.io',
              apiVersion: 'v1',
              plural: 'gateways',
            },
            {
              group: 'gateway.networking.k8s.io',
              apiVersion: 'v1',
              plural: 'httproutes',
            },
          ],
        }),
      })
      .then(ok('kubernetes-backend'));
  for (let i = 0; i < names.length; i++) await coreQuery(i);
  const coldSamples2: number[] = [];
  const coreSamples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    coldSamples2.push((await ours(cold.base, i)).ms);
    coreSamples.push((await coreQuery(i)).ms);
  }
  const floorSamples = await warmFloor(client, gz);

  const coldP95 = p95(coldSamples);
  const rawP95 = p95(rawSamples);
  const coreP95 = p95(coreSamples);
  const cold2P95 = p95(coldSamples2);
  const warmP95 = p95(warmSamples);
  const f = (n: number) => n.toFixed(1);
  const line = (label: string, xs: number[], what: string) =>
    console.log(
      `${label.padEnd(6)} p50=${f(median(xs))} p95=${f(p95(xs))} ms  ${what}`,
    );
  console.log(
    `status document ${(bytes / 1048576).toFixed(2)} MiB per cluster (${(
      gz.length / 1024
    ).toFixed(0)} KiB gzipped); ${os.cpus().length} CPUs, load ${os
      .loadavg()[0]
      .toFixed(1)}`,
  );
  line(
    'cold',
    coldSamples,
    `${SAMPLES} sequential, cache off, identity encoding (phase 1)`,
  );
  line(
    'raw',
    rawSamples,
    'same LISTs with @kubernetes/client-node in parallel (phase 1)',
  );
  line('cold2', coldSamples2, `${SAMPLES} sequential, cache off (phase 2)`);
  line(
    'core',
    coreSamples,
    'kubernetes-backend /resources/custom/query, Gateways + HTTPRoutes (phase 2)',
  );
  line(
    'warm',
    warmSamples,
    `${WARM_REQUESTS} requests, ${WARM_CONCURRENCY} concurrent, separate client process`,
  );
  line(
    'floor',
    floorSamples,
    'same client, bare node:http server sending the same gzipped bytes',
  );
  console.log(
    `status-bench clusters=${CLUSTERS} routes=${
      CLUSTERS * ROUTES
    } cold_p95_ms=${Math.round(coldP95)} warm_p95_ms=${f(warmP95)} vs_raw=${(
      coldP95 / rawP95
    ).toFixed(2)} vs_core=${(cold2P95 / coreP95).toFixed(
      2,
    )} rss_mb=${Math.round(rssAfter - rssBefore)}`,
  );

  await Promise.all([cold.backend.stop(), core.backend.stop()]);
  stop();
  client.stop();
  process.exit(0);
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
