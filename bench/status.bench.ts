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
 * - warm: the same status route with caching on, 50 concurrent clients in
 *   a separate load-generator process.
 * Sizes: BENCH_CLUSTERS, BENCH_GATEWAYS, BENCH_ROUTES, BENCH_NODES,
 * BENCH_SAMPLES, BENCH_WARM_REQUESTS.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import ciliumPlugin from '@internal/plugin-cilium-backend';
import { BenchCluster, rawReader } from './status/rawLists';
import { median, p95, rssMb, timed, timedRequest } from './status/measure';

const CLUSTERS = Number(process.env.BENCH_CLUSTERS ?? 10);
const ROUTES = Number(process.env.BENCH_ROUTES ?? 2000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 40);
const WARM_REQUESTS = Number(process.env.BENCH_WARM_REQUESTS ?? 1000);
const WARM_CONCURRENCY = 50;
/** Requests look like a browser's: credentials, and gzip accepted. */
const AUTH = {
  authorization: mockCredentials.user.header(),
  'accept-encoding': 'gzip',
};

const forkTs = (file: string) =>
  fork(path.join(__dirname, 'status', file), {
    execArgv: ['--import', 'tsx'],
    env: process.env,
  });

/** Runs the warm load from a separate process and returns its latencies. */
async function externalLoad(urls: string[]): Promise<number[]> {
  const child = forkTs('loadClient.ts');
  child.send({
    urls,
    headers: AUTH,
    total: WARM_REQUESTS,
    concurrency: WARM_CONCURRENCY,
  });
  const result = await new Promise<{ samples: number[]; failed: number }>(
    resolve => child.once('message', (m: any) => resolve(m)),
  );
  child.kill();
  if (result.failed) throw new Error(`${result.failed} warm requests failed`);
  return result.samples;
}

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

async function main() {
  const { clusters, stop } = await startServers();
  const names = clusters.map(c => c.name);
  const rssBefore = rssMb();

  const cold = await startCilium(clusters, 0);
  const warm = await startCilium(clusters, 300);
  const core = await startCore(clusters);
  const raw = clusters.map(rawReader);

  const ours = (base: string, i: number) =>
    timedRequest(`${base}/clusters/${names[i % names.length]}/status`, {
      headers: AUTH,
    }).then(r => {
      if (r.status !== 200)
        throw new Error(`status route answered ${r.status}`);
      return r;
    });
  const coreQuery = (i: number) =>
    timedRequest(`${core.base}/resources/custom/query`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({
        entityRef: `component:default/${names[i % names.length]}`,
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
    }).then(r => {
      if (r.status !== 200)
        throw new Error(`kubernetes-backend answered ${r.status}`);
      return r;
    });

  // Warm-up: JIT, connection pools, one full round of each.
  for (let i = 0; i < names.length; i++) {
    await ours(cold.base, i);
    await raw[i]();
    await coreQuery(i);
  }
  const bytes = (await ours(cold.base, 0)).bytes;

  // Interleaved so that machine noise hits all three alike.
  const coldSamples: number[] = [];
  const rawSamples: number[] = [];
  const coreSamples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    coldSamples.push((await ours(cold.base, i)).ms);
    rawSamples.push(await timed(() => raw[i % raw.length]()));
    coreSamples.push((await coreQuery(i)).ms);
  }

  for (let i = 0; i < names.length; i++) await ours(warm.base, i); // fill the cache
  const warmSamples = await externalLoad(
    names.map(n => `${warm.base}/clusters/${n}/status`),
  );
  const rssAfter = rssMb();

  const coldP95 = p95(coldSamples);
  const rawP95 = p95(rawSamples);
  const coreP95 = p95(coreSamples);
  const warmP95 = p95(warmSamples);
  const f = (n: number) => n.toFixed(1);
  console.log(
    `status document: ${(bytes / 1024 / 1024).toFixed(2)} MiB per cluster`,
  );
  console.log(
    `cold  p50=${f(median(coldSamples))} p95=${f(
      coldP95,
    )} ms (${SAMPLES} sequential, cache off)`,
  );
  console.log(
    `raw   p50=${f(median(rawSamples))} p95=${f(
      rawP95,
    )} ms (client-node, same LISTs in parallel)`,
  );
  console.log(
    `core  p50=${f(median(coreSamples))} p95=${f(
      coreP95,
    )} ms (kubernetes-backend /resources/custom/query)`,
  );
  console.log(
    `warm  p50=${f(median(warmSamples))} p95=${f(
      warmP95,
    )} ms (${WARM_REQUESTS} requests, ${WARM_CONCURRENCY} concurrent)`,
  );
  console.log(
    `status-bench clusters=${CLUSTERS} routes=${
      CLUSTERS * ROUTES
    } cold_p95_ms=${Math.round(coldP95)} warm_p95_ms=${f(warmP95)} vs_raw=${(
      coldP95 / rawP95
    ).toFixed(2)} vs_core=${(coldP95 / coreP95).toFixed(2)} rss_mb=${Math.round(
      rssAfter - rssBefore,
    )}`,
  );

  await Promise.all([
    cold.backend.stop(),
    warm.backend.stop(),
    core.backend.stop(),
  ]);
  stop();
  process.exit(0);
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
