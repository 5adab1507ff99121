import {
  startHubbleRelayTestServer,
  type HubbleRelayTestServer,
} from '@internal/cilium-test-servers';
import * as grpc from '@grpc/grpc-js';
import { HubbleRelayClient } from './client';

describe('HubbleRelayClient.serverStatus against a Hubble Relay test server', () => {
  let relay: HubbleRelayTestServer;
  let client: HubbleRelayClient;

  beforeEach(async () => {
    relay = await startHubbleRelayTestServer({ cluster: 'democluster1' });
    client = new HubbleRelayClient({ address: relay.address, timeoutMs: 2000 });
  });
  afterEach(async () => {
    client.close();
    await relay.close();
  });

  it('prints what `hubble status` prints and returns the nodes, remote Cluster Mesh nodes included', async () => {
    const status = await client.serverStatus();
    expect(status.text).toBe(
      [
        `Healthcheck (via ${relay.address}): Ok`,
        'Current/Max Flows: 16,380/16,380 (100.00%)',
        'Flows/s: 12.34',
        'Connected Nodes: 4/5',
        'Unavailable Nodes: 1',
        '  - democluster2/worker-2',
      ].join('\n'),
    );
    expect(status).toMatchObject({
      healthy: true,
      numFlows: 16380,
      maxFlows: 16380,
      seenFlows: 215320,
      uptimeNs: 86_400_000_000_000,
      flowsPerSecond: 12.34,
      numConnectedNodes: 4,
      numUnavailableNodes: 1,
      unavailableNodes: ['democluster2/worker-2'],
      version: '1.19.4',
    });
    expect(status.healthMessage).toBeUndefined();
    expect(status.nodes.map(n => `${n.name} ${n.state}`)).toEqual([
      'democluster1/democluster1-control-plane NODE_CONNECTED',
      'democluster1/democluster1-worker NODE_CONNECTED',
      'democluster1/democluster1-edge-vm NODE_CONNECTED',
      'democluster2/worker-1 NODE_CONNECTED',
      'democluster2/worker-2 NODE_UNAVAILABLE',
    ]);
    expect(status.nodes[3]).toEqual({
      name: 'democluster2/worker-1',
      version: '1.19.4',
      address: '172.18.2.3:4244',
      state: 'NODE_CONNECTED',
      numFlows: 4095,
      maxFlows: 4095,
      seenFlows: 51000,
      uptimeNs: 86_400_000_000_000,
      tls: {
        enabled: true,
        serverName: 'worker-1.democluster2.hubble-grpc.cilium.io',
      },
    });
    expect(relay.calls).toMatchObject({
      Check: 1,
      ServerStatus: 1,
      GetNodes: 1,
    });
  });

  it('computes Flows/s from seen flows and uptime on relays without flows_rate', async () => {
    relay.setFixtures({
      ...relay.fixtures(),
      status: {
        ...relay.fixtures().status,
        flows_rate: 0,
        seen_flows: 1_234_567,
        uptime_ns: 100_000_000_000,
      },
    });
    const status = await client.serverStatus();
    expect(status.text.split('\n')[2]).toBe('Flows/s: 12345.67');
    expect(status.flowsPerSecond).toBeCloseTo(12345.67, 5);
  });

  it('degrades when the relay lacks GetNodes and the health service', async () => {
    relay.setFault('GetNodes', {
      type: 'fail',
      code: grpc.status.UNIMPLEMENTED,
      details: 'unknown method GetNodes',
    });
    relay.setHealth('UNIMPLEMENTED');
    const status = await client.serverStatus();
    expect(status.healthy).toBe(true);
    expect(status.healthMessage).toBe(
      'grpc.health.v1.Health is not implemented by this server',
    );
    expect(status.nodes).toEqual([]);
    expect(status.text.split('\n').slice(0, 2)).toEqual([
      `Healthcheck (via ${relay.address}): Unknown`,
      'Current/Max Flows: 16,380/16,380 (100.00%)',
    ]);
  });

  it('reports a relay that is not serving the way the CLI does', async () => {
    relay.setHealth('NOT_SERVING');
    const status = await client.serverStatus();
    expect(status.healthy).toBe(false);
    expect(status.healthMessage).toBe('NOT_SERVING');
    expect(status.text).toBe(
      `Healthcheck (via ${relay.address}): Unavailable: NOT_SERVING`,
    );
  });

  it('fails with a clear timeout error when the relay hangs', async () => {
    relay.setFault('ServerStatus', { type: 'hang' });
    const hurried = new HubbleRelayClient({
      address: relay.address,
      timeoutMs: 300,
    });
    const started = Date.now();
    await expect(hurried.serverStatus()).rejects.toThrow(
      `Hubble Relay at ${relay.address} did not answer ServerStatus within 300 ms (DEADLINE_EXCEEDED)`,
    );
    expect(Date.now() - started).toBeLessThan(1500);
    hurried.close();
  });

  it('names the relay, the RPC and the gRPC status when a call fails', async () => {
    relay.setFault('ServerStatus', {
      type: 'fail',
      code: grpc.status.UNAVAILABLE,
      details: 'no connection to any peer',
    });
    await expect(client.serverStatus()).rejects.toMatchObject({
      name: 'HubbleRelayError',
      rpc: 'ServerStatus',
      code: 'UNAVAILABLE',
      message: `Hubble Relay at ${relay.address}: ServerStatus failed: UNAVAILABLE: no connection to any peer`,
    });
  });

  it('stops waiting when the AbortSignal fires', async () => {
    relay.setFault('*', { type: 'hang' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    await expect(
      client.serverStatus({ signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('reports an unreachable relay as UNAVAILABLE', async () => {
    const address = relay.address;
    await relay.close();
    const offline = new HubbleRelayClient({ address, timeoutMs: 1000 });
    await expect(offline.serverStatus()).rejects.toMatchObject({
      name: 'HubbleRelayError',
      code: 'UNAVAILABLE',
    });
    offline.close();
  });
});
