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
 * - warm: the same status route with caching on, 50 concurrent clients;
 * - page1/pages: HTTPRoute searches from the cached snapshots, the first
 *   per cluster (which serializes and indexes its routes), then 50
 *   concurrent clients.
 * - floor: the same client against a bare node:http server sending the same
 *   gzipped documents; warm_vs_bare = warm p95 ÷ floor p95 (target ≤ 1.5:
 *   what Backstage's HTTP stack and our route add over sending bytes).
 * HTTP requests are made and timed by a separate client process, as a
 * browser would be; the raw floor runs in this process (it is the client).
 * Phase 1 (cold + raw interleaved, then warm) ends with the RSS snapshot
 * (after a full GC; the peak without forced GCs is printed too);
 * phase 2 measures core interleaved with more cold requests (vs_core uses
 * those). RSS growth is the process's, from before our backends started.
 * Sizes: BENCH_CLUSTERS, BENCH_GATEWAYS, BENCH_ROUTES, BENCH_NODES,
 * BENCH_SAMPLES, BENCH_WARM_REQUESTS.
 */
import os from 'node:os';
import { rawReader } from './status/rawLists';
import {
  median,
  p95,
  rssMb,
  rssPeak,
  serverCpu,
  timed,
} from './status/measure';
import {
  AUTH,
  BROWSER,
  etagOf,
  ok,
  startCilium,
  startClient,
  startCore,
  startServers,
  gzipBody,
  warmFloor,
  WARM_CONCURRENCY,
  WARM_REQUESTS,
} from './status/setup';

const CLUSTERS = Number(process.env.BENCH_CLUSTERS ?? 10);
const ROUTES = Number(process.env.BENCH_ROUTES ?? 2000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 40);

async function main() {
  const { clusters, stop } = await startServers();
  const names = clusters.map(c => c.name);
  const pick = (i: number) => names[i % names.length];
  const raw = clusters.map(rawReader);
  const client = startClient();
  const rssBefore = rssMb();
  const peak = rssPeak();

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
  const warmCpu = serverCpu();
  const warmSamples = await client.load(
    names.map(n => `${warm.base}/clusters/${n}/status`),
  );
  const warmCpuMs = warmCpu.stop() / WARM_REQUESTS;
  // Pages of HTTPRoutes from the cached snapshots: the first page of each
  // cluster builds its index (serializes its routes), later pages reuse it.
  const pageUrl = (n: string, i: number) =>
    `${warm.base}/clusters/${n}/httproutes?q=route-${i % 100}&limit=25`;
  const firstPageSamples: number[] = [];
  for (let i = 0; i < names.length; i++) {
    firstPageSamples.push(
      (
        await client
          .request(pageUrl(names[i], i), { headers: AUTH })
          .then(ok('httproutes route'))
      ).ms,
    );
  }
  const pageSamples = await client.load(
    Array.from({ length: 100 }, (_, i) => pageUrl(pick(i), i)),
  );
  const rssPeakMb = peak.stop();
  const rssAfter = rssMb();
  const first = `${warm.base}/clusters/${names[0]}/status`;
  const revalidateSamples = await client.load([first], {
    ...BROWSER,
    'if-none-match': await etagOf(first),
  });
  const gzs: Buffer[] = [];
  for (const n of names) gzs.push(await gzipBody(`${warm.base}/clusters/${n}/status`));
  const gz = gzs[0];
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
  const floorCpu = serverCpu();
  const floorSamples = await warmFloor(client, gzs);
  const floorCpuMs = floorCpu.stop() / WARM_REQUESTS;

  const coldP95 = p95(coldSamples);
  const rawP95 = p95(rawSamples);
  const coreP95 = p95(coreSamples);
  const cold2P95 = p95(coldSamples2);
  const warmP95 = p95(warmSamples);
  const floorP95 = p95(floorSamples);
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
    `${WARM_REQUESTS} requests, ${WARM_CONCURRENCY} concurrent, separate client process; server CPU ${warmCpuMs.toFixed(
      3,
    )} ms/request`,
  );
  line(
    'page1',
    firstPageSamples,
    `first HTTPRoutes page of each cluster after its status (builds the search index of ${ROUTES} routes)`,
  );
  line(
    'pages',
    pageSamples,
    `${WARM_REQUESTS} HTTPRoute searches (q=route-N, limit=25), ${WARM_CONCURRENCY} concurrent`,
  );
  line(
    'reval',
    revalidateSamples,
    `${WARM_REQUESTS} requests, ${WARM_CONCURRENCY} concurrent, If-None-Match → 304 (a browser re-polling)`,
  );
  line(
    'floor',
    floorSamples,
    `same client, bare node:http server sending the same gzipped documents round-robin; server CPU ${floorCpuMs.toFixed(
      3,
    )} ms/request`,
  );
  // Little's law: N clients kept busy wait about N × the server's CPU per
  // request (one event loop), whatever the network; CPU here includes GC
  // and pool threads, so this is an estimate, not a strict bound.
  console.log(
    `little ${WARM_CONCURRENCY} concurrent × server CPU per request ≈ ${(
      WARM_CONCURRENCY * warmCpuMs
    ).toFixed(1)} ms (warm), ${(WARM_CONCURRENCY * floorCpuMs).toFixed(
      1,
    )} ms (bare server): the 5 ms target needs ≤ ${(
      5 / WARM_CONCURRENCY
    ).toFixed(2)} ms of CPU per request`,
  );
  console.log(
    `rss    before=${Math.round(rssBefore)} after=${Math.round(
      rssAfter,
    )} MiB (after a full GC); peak during phase 1 ${Math.round(
      rssPeakMb,
    )} MiB (+${Math.round(rssPeakMb - rssBefore)})`,
  );
  console.log(
    `status-bench clusters=${CLUSTERS} routes=${
      CLUSTERS * ROUTES
    } cold_p95_ms=${Math.round(coldP95)} warm_p95_ms=${f(
      warmP95,
    )} warm_vs_bare=${(warmP95 / floorP95).toFixed(2)} vs_raw=${(
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
