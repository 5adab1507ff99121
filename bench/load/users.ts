/**
 * Child process of the load test: the virtual users. Each loops until the
 * deadline over random paths (valid and invalid), as its own user, with a
 * pause of 0.5–1 s between requests (a person clicking fast), on loopback only. Answers
 * `{ requests, http5xx, overBudget, p95, statuses, worst }` over IPC.
 */
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';

interface Start {
  type: 'start';
  base: string;
  paths: string[];
  users: number;
  seconds: number;
  budgetMs: number;
  /** Authorization header per user index. */
  headers: string[];
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1000 });
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

function get(
  url: string,
  authorization: string,
  retried = false,
): Promise<{ status: number; ms: number }> {
  return new Promise(resolve => {
    const started = performance.now();
    const failed = () =>
      resolve({ status: 0, ms: performance.now() - started });
    const req = http.get(
      url,
      { agent, headers: { authorization, 'accept-encoding': 'gzip' } },
      res => {
        res.resume();
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            ms: performance.now() - started,
          }),
        );
        res.on('error', failed);
      },
    );
    // no answer at all is a failure too (counted as status 0)
    req.setTimeout(60_000, () => req.destroy());
    req.on('error', (e: NodeJS.ErrnoException) => {
      // A kept-alive connection the server closed while idle: retried once
      // on a new connection, as browsers do (see Node's http docs on
      // `request.reusedSocket`).
      if (req.reusedSocket && e.code === 'ECONNRESET' && !retried) {
        get(url, authorization, true).then(r =>
          resolve({ status: r.status, ms: performance.now() - started }),
        );
      } else failed();
    });
  });
}

async function run(m: Start) {
  const lag = monitorEventLoopDelay({ resolution: 20 });
  lag.enable();
  const t0 = Date.now();
  const deadline = t0 + m.seconds * 1000;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let overBudget = 0;
  let http5xx = 0;
  const worst: string[] = [];
  /** Per route (cluster names replaced by <c>): answers, over budget, slowest. */
  const routes = new Map<string, { n: number; over: number; max: number }>();
  await Promise.all(
    Array.from({ length: m.users }, async (_, u) => {
      await sleep(Math.random() * 3000); // ramp up over 3 s
      while (Date.now() < deadline) {
        const path = m.paths[Math.floor(Math.random() * m.paths.length)];
        const anonymous = Math.random() < 0.02;
        const sent = ((Date.now() - t0) / 1000).toFixed(1);
        const r = await get(`${m.base}${path}`, anonymous ? '' : m.headers[u]);
        latencies.push(r.ms);
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        if (r.status >= 500 || r.status === 0) http5xx++;
        if (r.ms > m.budgetMs) overBudget++;
        const route = path.replace(/^\/clusters\/[^/]+/, '/clusters/<c>');
        const stat = routes.get(route) ?? { n: 0, over: 0, max: 0 };
        stat.n++;
        if (r.ms > m.budgetMs) stat.over++;
        stat.max = Math.max(stat.max, r.ms);
        routes.set(route, stat);
        if (
          (r.status >= 500 || r.status === 0 || r.ms > m.budgetMs) &&
          worst.length < 10
        ) {
          worst.push(`t=${sent}s ${r.status} ${Math.round(r.ms)}ms ${path}`);
        }
        await sleep(500 + Math.random() * 500);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const p95 = latencies[Math.floor(latencies.length * 0.95)] ?? 0;
  process.send!({
    type: 'done',
    requests: latencies.length,
    http5xx,
    overBudget,
    p95,
    statuses,
    worst,
    slowestRoutes: [...routes]
      .sort((a, b) => b[1].max - a[1].max)
      .slice(0, 8)
      .map(
        ([route, st]) =>
          `${route}: max ${Math.round(st.max)} ms, over budget ${st.over}/${
            st.n
          }`,
      ),
    clientLagP99: lag.percentile(99) / 1e6,
  });
}

process.on('message', (m: any) => {
  if (m?.type === 'start')
    run(m).catch(e => {
      console.error(e);
      process.exit(1);
    });
});
process.on('disconnect', () => process.exit(0));
