/**
 * Child process of the status benchmark: starts one Kubernetes API test
 * server per synthetic cluster and reports their URLs over IPC. Running the
 * servers in their own process keeps their JSON encoding off the measured
 * process's event loop, as a real API server would be.
 */
import {
  generateClusterObjects,
  startKubernetesTestServer,
} from '@internal/cilium-test-servers';

async function main() {
  const clusters = Number(process.env.BENCH_CLUSTERS ?? 10);
  const size = {
    gateways: Number(process.env.BENCH_GATEWAYS ?? 200),
    routes: Number(process.env.BENCH_ROUTES ?? 2000),
    nodes: Number(process.env.BENCH_NODES ?? 50),
  };
  const servers = [];
  for (let i = 0; i < clusters; i++) {
    const name = `cluster${i + 1}`;
    const server = await startKubernetesTestServer({
      objects: generateClusterObjects(name, i + 1, size),
      token: `bench-token-${i + 1}`,
    });
    servers.push({ name, url: server.url, token: server.token });
  }
  process.send!({ type: 'ready', servers });
  process.on('disconnect', () => process.exit(0));
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
