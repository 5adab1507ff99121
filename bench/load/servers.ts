/**
 * Child process of the load test: the Kubernetes API and Hubble Relay test
 * servers of five clusters on loopback, and the faults:
 * - `load2` flaps: every 5 s its API server and Relay cycle reset → hang →
 *   healthy (connections closed, then requests held, then normal answers);
 * - `load3`'s Relay is restarted (force-closed with streams in flight, then
 *   started again on the same port) every 7 s.
 * Reports `{ clusters }` over IPC; exits when the parent goes away.
 */
import {
  generateClusterObjects,
  HubbleRelayTestServer,
  KubernetesTestServer,
  startHubbleRelayTestServer,
  startKubernetesTestServer,
} from '@internal/cilium-test-servers';

const CLUSTERS = 5;
/** Every Relay answers GetFlows after this much, so streams are in flight. */
const RELAY_DELAY_MS = 150;

async function relay(port?: number): Promise<HubbleRelayTestServer> {
  const r = await startHubbleRelayTestServer({ cluster: 'democluster1', port });
  r.setFault('GetFlows', { type: 'delay', ms: RELAY_DELAY_MS });
  return r;
}

async function main() {
  const clusters = [];
  const relays: HubbleRelayTestServer[] = [];
  const apis: KubernetesTestServer[] = [];
  for (let i = 0; i < CLUSTERS; i++) {
    const name = `load${i + 1}`;
    const api = await startKubernetesTestServer({
      objects: generateClusterObjects(name, i + 1, {
        gateways: 20,
        routes: 600,
        nodes: 5,
      }),
      token: `load-token-${i + 1}`,
    });
    // every request takes a little, as a real API server's would
    api.setFault(/.*/, { type: 'delay', ms: 20 });
    const r = await relay();
    apis.push(api);
    relays.push(r);
    clusters.push({ name, url: api.url, token: api.token, relay: r.address });
  }

  // load2 flaps: reset, then hang, then healthy, each for 5 s
  let phase = 0;
  const flap = setInterval(() => {
    phase = (phase + 1) % 3;
    const api = apis[1];
    const r = relays[1];
    api.clearFaults();
    api.setFault(/.*/, { type: 'delay', ms: 20 });
    r.clearFaults();
    r.setFault('GetFlows', { type: 'delay', ms: RELAY_DELAY_MS });
    if (phase === 1) {
      api.setFault(/.*/, { type: 'reset' });
      r.setFault('*', { type: 'fail', code: 14, details: 'connection reset' });
    } else if (phase === 2) {
      api.setFault(/.*/, { type: 'hang' });
      r.setFault('*', { type: 'hang' });
    }
  }, 5000);

  // load3's Relay restarts mid-stream
  const port = Number(relays[2].address.split(':')[1]);
  let restarts = 0;
  const restart = setInterval(async () => {
    await relays[2].close();
    await new Promise(r => setTimeout(r, 500));
    relays[2] = await relay(port);
    restarts++;
  }, 7000);

  process.on('message', (m: any) => {
    if (m?.type === 'stats') process.send!({ type: 'stats', restarts });
  });
  process.send!({ type: 'ready', clusters });
  process.on('disconnect', () => {
    clearInterval(flap);
    clearInterval(restart);
    process.exit(0);
  });
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
