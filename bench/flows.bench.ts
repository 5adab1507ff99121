/**
 * Flows benchmark (`yarn bench:flows`): prints figures, is not a test.
 *
 * A Hubble Relay test server serves 10,000 flows of 200 workloads over
 * 1,000 connections (`meshFlows`). Measured in one run, interleaved:
 * - summary: GET /api/cilium/clusters/:name/flows/summary?last=10000
 *   through the real backend plugin (cache off), i.e. the relay read plus
 *   aggregation plus the JSON answer;
 * - getflows: the bare GetFlows of the same 10,000 flows with the same
 *   request (filters, field mask), read to the end by a plain gRPC client
 *   (the floor).
 * vs_getflows = p95(summary) / p95(getflows). Then, in Chromium (when the
 * app is built), the service map of the same 200 nodes / 1,000 edges:
 * map_interactive_ms = time from the summary's arrival to the map drawn
 * and answering a click on an edge (see flows/mapInBrowser.ts).
 * Sizes: BENCH_FLOWS, BENCH_RUNS.
 */
import { performance } from 'node:perf_hooks';
import {
  demoRelayFixtures,
  meshFlows,
  startHubbleRelayTestServer,
} from '@internal/cilium-test-servers';
import { bareGetFlows } from './flows/bareGetFlows';
import { startSummaryBackend } from './flows/summaryBackend';
import { measureMapInteractive } from './flows/mapInBrowser';

const FLOWS = Number(process.env.BENCH_FLOWS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);

function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)];
}

async function main() {
  const relay = await startHubbleRelayTestServer({
    fixtures: {
      ...demoRelayFixtures('democluster1'),
      flows: meshFlows({ flows: FLOWS }),
    },
  });
  const backend = await startSummaryBackend(relay.address);
  const bare = bareGetFlows(relay.address);
  try {
    const summary = async () => {
      const t0 = performance.now();
      const body = await backend.summary(FLOWS);
      const ms = performance.now() - t0;
      if (body.flowsRead !== FLOWS)
        throw new Error(
          `summary read ${
            body.flowsRead
          } flows, expected ${FLOWS}: ${JSON.stringify(body.error)}`,
        );
      return { ms, body };
    };
    const getflows = async () => {
      const t0 = performance.now();
      const n = await bare.read(FLOWS);
      const ms = performance.now() - t0;
      if (n !== FLOWS)
        throw new Error(`GetFlows read ${n} flows, expected ${FLOWS}`);
      return ms;
    };
    // Warm-up: JIT, connections, field-mask negotiation.
    await summary();
    await getflows();
    const s: number[] = [];
    const g: number[] = [];
    let last;
    for (let i = 0; i < RUNS; i++) {
      const r = await summary();
      last = r.body;
      s.push(r.ms);
      g.push(await getflows());
    }
    const sp = p95(s);
    const gp = p95(g);
    // Figures so far, in case the browser part fails.
    console.log(
      `  summary_p95_ms=${sp.toFixed(0)} getflows_p95_ms=${gp.toFixed(0)}`,
    );
    let map: Awaited<ReturnType<typeof measureMapInteractive>>;
    try {
      map = await measureMapInteractive();
    } catch (err) {
      console.error(`map measurement failed: ${(err as Error).message}`);
    }
    console.log(
      `flows-bench summary_p95_ms=${sp.toFixed(0)} vs_getflows=${(
        sp / gp
      ).toFixed(2)} map_interactive_ms=${
        map === undefined
          ? 'n/a (build the app first)'
          : map.interactiveMs.toFixed(0)
      }`,
    );
    console.log(
      `  getflows_p95_ms=${gp.toFixed(0)} runs=${RUNS} flows=${FLOWS} nodes=${
        last!.nodes.length
      } edges=${last!.edges.length}${
        map
          ? ` map_drawn_ms=${map.drawnMs.toFixed(
              0,
            )} edge_click_ms=${map.clickMs.toFixed(0)}`
          : ''
      }`,
    );
  } finally {
    bare.close();
    await backend.stop();
    await relay.close();
  }
}

main().catch(err => {
  console.error(err);
  process.exit(1);
});
