import * as grpc from '@grpc/grpc-js';
import {
  startHubbleRelayTestServer,
  type HubbleRelayTestServer,
} from './server';
import { loadHubbleServices } from './protos';
import { demoRelayFixtures } from './fixtures/demoRelay';

const { Observer, Health } = loadHubbleServices();

function getFlows(client: any, request: object): Promise<any[]> {
  return new Promise((resolve, reject) => {
    const out: any[] = [];
    const call = client.GetFlows(request, { deadline: Date.now() + 2000 });
    call.on('data', (res: any) => out.push(res));
    call.on('error', reject);
    call.on('end', () => resolve(out));
  });
}

function unary(
  client: any,
  method: string,
  request: object,
  deadlineMs = 2000,
): Promise<any> {
  return new Promise((resolve, reject) =>
    client[method](
      request,
      { deadline: Date.now() + deadlineMs },
      (err: any, res: any) => (err ? reject(err) : resolve(res)),
    ),
  );
}

const flowsOf = (responses: any[]) =>
  responses.filter(r => r.flow).map(r => r.flow);

describe('Hubble Relay test server', () => {
  let server: HubbleRelayTestServer;
  let observer: any;
  let health: any;

  beforeAll(async () => {
    server = await startHubbleRelayTestServer();
    observer = new Observer(server.address, grpc.credentials.createInsecure());
    health = new Health(server.address, grpc.credentials.createInsecure());
  });
  afterEach(() => {
    server.clearFaults();
    server.setFixtures(demoRelayFixtures());
    server.resetCalls();
  });
  afterAll(async () => {
    observer.close();
    health.close();
    await server.close();
  });

  it('answers ServerStatus, GetNodes, GetNamespaces and the health check', async () => {
    const status = await unary(observer, 'ServerStatus', {});
    expect(status).toMatchObject({
      num_flows: '16380',
      num_connected_nodes: { value: 4 },
      flows_rate: 12.34,
    });
    const nodes = await unary(observer, 'GetNodes', {});
    expect(nodes.nodes.map((n: any) => `${n.name} ${n.state}`)).toContain(
      'democluster2/worker-1 NODE_CONNECTED',
    );
    const namespaces = await unary(observer, 'GetNamespaces', {});
    expect(namespaces.namespaces).toContainEqual({
      cluster: 'democluster1',
      namespace: 'tenant-jobs',
    });
    expect(
      await unary(health, 'Check', { service: 'hubble.server.Observer' }),
    ).toEqual({ status: 'SERVING' });
    expect(server.calls).toMatchObject({
      ServerStatus: 1,
      GetNodes: 1,
      GetNamespaces: 1,
      Check: 1,
    });
  });

  it('applies the namespace whitelist (two ORed pod-prefix filters) and policy-verdict event type', async () => {
    const eventType = [{ type: 5 }];
    const responses = await getFlows(observer, {
      number: 100,
      whitelist: [
        { source_pod: ['tenant-jobs/'], event_type: eventType },
        { destination_pod: ['tenant-jobs/'], event_type: eventType },
      ],
    });
    const flows = flowsOf(responses);
    expect(flows.map(f => `${f.source.pod_name} ${f.verdict}`)).toEqual([
      'scheduler-5d8f7c9b6-x2x7q FORWARDED',
      'scheduler-5d8f7c9b6-x2x7q FORWARDED',
      'worker-7c9f8d5b4-jkq8p DROPPED',
      'frontend-58d9c7f6d-pq2lm DROPPED',
      'scheduler-5d8f7c9b6-x2x7q FORWARDED',
    ]);
    expect(flows.every(f => f.event_type.type === 5)).toBe(true);
    // node_status and lost_events are interleaved like a relay does
    expect(responses.filter(r => r.node_status).length).toBe(2);
    expect(responses.filter(r => r.lost_events).length).toBe(1);
  });

  it('applies verdict filters, blacklists and last N', async () => {
    const dropped = flowsOf(
      await getFlows(observer, {
        number: 100,
        whitelist: [{ verdict: ['DROPPED'] }],
      }),
    );
    expect(dropped).toHaveLength(4);
    const lastTwo = flowsOf(
      await getFlows(observer, {
        number: 2,
        blacklist: [{ source_pod: ['kube-system/'] }],
      }),
    );
    // like a relay: each node's last two (kube-system sources blacklisted), merged by time
    expect(
      lastTwo.map(
        f => `${f.time.seconds % 60}.${f.time.nanos / 1e6} ${f.node_name}`,
      ),
    ).toEqual([
      '0.0 democluster1/democluster1-control-plane',
      '5.100 democluster1/democluster1-worker',
      '5.103 democluster1/democluster1-worker',
      '6.0 democluster1/democluster1-control-plane',
      '7.0 democluster2/worker-1',
    ]);
  });

  it('matches IP filters exactly or by CIDR', async () => {
    const toWorld = flowsOf(
      await getFlows(observer, {
        whitelist: [{ destination_ip: ['203.0.113.0/24'] }],
      }),
    );
    expect(toWorld.map(f => f.verdict)).toEqual(['DROPPED', 'DROPPED']);
    const fromScheduler = flowsOf(
      await getFlows(observer, { whitelist: [{ source_ip: ['10.1.1.15'] }] }),
    );
    expect(
      fromScheduler.every(
        f => f.source.pod_name === 'scheduler-5d8f7c9b6-x2x7q',
      ),
    ).toBe(true);
    expect(fromScheduler.length).toBeGreaterThan(3);
  });

  it('applies the field mask and rejects filter fields it cannot evaluate', async () => {
    const [flow] = flowsOf(
      await getFlows(observer, {
        number: 1,
        whitelist: [{ source_pod: ['kube-system/'] }],
        field_mask: { paths: ['time', 'source.pod_name'] },
      }),
    );
    expect(flow.source.pod_name).toBe('coredns-76f75df574-8xk2d');
    expect(flow.source.identity).toBe(0);
    expect(flow.IP).toBeNull();
    await expect(
      getFlows(observer, { whitelist: [{ http_method: ['GET'] }] }),
    ).rejects.toMatchObject({
      code: grpc.status.INVALID_ARGUMENT,
    });
  });

  it('fails, hangs and answers UNIMPLEMENTED on request', async () => {
    server.setFault('GetNodes', {
      type: 'fail',
      code: grpc.status.UNIMPLEMENTED,
    });
    await expect(unary(observer, 'GetNodes', {})).rejects.toMatchObject({
      code: grpc.status.UNIMPLEMENTED,
    });
    server.setFault('ServerStatus', { type: 'hang' });
    await expect(
      unary(observer, 'ServerStatus', {}, 200),
    ).rejects.toMatchObject({
      code: grpc.status.DEADLINE_EXCEEDED,
    });
    expect(server.calls.ServerStatus).toBe(1);
  });

  it("serves another cluster's fixture set, with the peer as the remote Cluster Mesh cluster", async () => {
    server.setFixtures(demoRelayFixtures('democluster2'));
    const nodes = await unary(observer, 'GetNodes', {});
    expect(nodes.nodes.map((n: any) => n.name)).toEqual([
      'democluster2/democluster2-control-plane',
      'democluster2/democluster2-worker',
      'democluster2/democluster2-edge-vm',
      'democluster1/worker-1',
      'democluster1/worker-2',
    ]);
    const remote = flowsOf(
      await getFlows(observer, {
        whitelist: [{ node_name: ['democluster1/'] }],
      }),
    );
    expect(
      remote.map(
        f => `${f.source.cluster_name} -> ${f.destination.cluster_name}`,
      ),
    ).toEqual(['democluster2 -> democluster1']);
  });
});
