import {
  startHubbleRelayTestServer,
  type HubbleRelayTestServer,
} from '@internal/cilium-test-servers';
import * as grpc from '@grpc/grpc-js';
import { HubbleRelayClient } from './client';

// Lines as `hubble observe --print-policy-names` prints the demo relay's flows.
const JOBS_VERDICTS = [
  'Nov 26 10:00:01.000: tenant-jobs/scheduler-5d8f7c9b6-x2x7q:43562 (ID:12345) -> tenant-jobs/worker-7c9f8d5b4-jkq8p:8080 (ID:23456) policy-verdict:L3-L4 INGRESS ALLOWED BY allow-scheduler-to-worker (CiliumNetworkPolicy) (TCP Flags: SYN)',
  'Nov 26 10:00:02.000: tenant-jobs/scheduler-5d8f7c9b6-x2x7q:40211 (ID:12345) -> kube-system/coredns-76f75df574-8xk2d:53 (ID:102) policy-verdict:L3-L4 EGRESS ALLOWED BY allow-kube-dns (CiliumNetworkPolicy) (UDP)',
  'Nov 26 10:00:03.000: tenant-jobs/worker-7c9f8d5b4-jkq8p:51000 (ID:23456) -> downloads.example.org:443 (world) policy-verdict:none EGRESS DENIED (TCP Flags: SYN)',
  'Nov 26 10:00:04.000: tenant-web/frontend-58d9c7f6d-pq2lm:38122 (ID:40001) -> tenant-jobs/worker-7c9f8d5b4-jkq8p:8080 (ID:23456) policy-verdict:L3-L4 INGRESS DENIED BY deny-cross-tenant (CiliumClusterwideNetworkPolicy) (TCP Flags: SYN)',
  'Nov 26 10:00:07.000: tenant-jobs/scheduler-5d8f7c9b6-x2x7q:44110 (ID:12345) -> tenant-jobs/reporting-6c9b5d4f8-tq7vz:8443 (ID:23999) policy-verdict:L3-L4 INGRESS ALLOWED BY allow-jobs-to-reporting (CiliumNetworkPolicy) (TCP Flags: SYN)',
];

describe('HubbleRelayClient.getFlows against a Hubble Relay test server', () => {
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

  it('asks for policy verdicts of a namespace like `hubble observe --type policy-verdict -n NS --last N`', async () => {
    const flows = await client.getFlows({
      namespace: 'tenant-jobs',
      policyVerdictsOnly: true,
      last: 20,
    });
    expect(flows.map(f => f.line)).toEqual(JOBS_VERDICTS);

    const [request] = relay.getFlowsRequests;
    expect(request).toMatchObject({
      number: '20',
      follow: false,
      blacklist: [],
    });
    expect(request.whitelist).toHaveLength(2);
    expect(request.whitelist[0]).toMatchObject({
      source_pod: ['tenant-jobs/'],
      destination_pod: [],
      event_type: [{ type: 5, match_sub_type: false, sub_type: 0 }],
    });
    expect(request.whitelist[1]).toMatchObject({
      source_pod: [],
      destination_pod: ['tenant-jobs/'],
    });
    expect(request.field_mask?.paths).toEqual(
      expect.arrayContaining([
        'time',
        'IP',
        'l4',
        'Summary',
        'traffic_direction',
        'policy_match_type',
        'ingress_allowed_by',
      ]),
    );
  });

  it('returns structured fields next to the line', async () => {
    const [allowed] = await client.getFlows({
      namespace: 'tenant-jobs',
      policyVerdictsOnly: true,
      last: 5,
    });
    expect(allowed).toEqual({
      time: '2026-11-26T10:00:01.000Z',
      verdict: 'FORWARDED',
      eventType: { type: 5, subType: 0 },
      isPolicyVerdict: true,
      trafficDirection: 'INGRESS',
      policyMatchType: 'L3-L4',
      nodeName: 'democluster1/democluster1-worker',
      isReply: false,
      source: {
        identity: 12345,
        namespace: 'tenant-jobs',
        podName: 'scheduler-5d8f7c9b6-x2x7q',
        clusterName: 'democluster1',
        labels: [
          'k8s:app=scheduler',
          'k8s:io.kubernetes.pod.namespace=tenant-jobs',
        ],
        ip: '10.1.1.15',
        port: 43562,
        names: [],
        workloads: [{ name: 'scheduler', kind: 'Deployment' }],
      },
      destination: expect.objectContaining({
        podName: 'worker-7c9f8d5b4-jkq8p',
        port: 8080,
      }),
      l4: {
        protocol: 'TCP',
        sourcePort: 43562,
        destinationPort: 8080,
        tcpFlags: ['SYN'],
      },
      allowedBy: [
        {
          name: 'allow-scheduler-to-worker',
          namespace: 'tenant-jobs',
          kind: 'CiliumNetworkPolicy',
          revision: 7,
        },
      ],
      deniedBy: [],
      summary: 'TCP Flags: SYN',
      line: JOBS_VERDICTS[0],
      columns: {
        time: 'Nov 26 10:00:01.000',
        source: 'tenant-jobs/scheduler-5d8f7c9b6-x2x7q:43562',
        sourceIdentity: '(ID:12345)',
        arrow: '->',
        destination: 'tenant-jobs/worker-7c9f8d5b4-jkq8p:8080',
        destinationIdentity: '(ID:23456)',
        type: 'policy-verdict:L3-L4 INGRESS',
        verdict: 'ALLOWED BY allow-scheduler-to-worker (CiliumNetworkPolicy)',
      },
    });
  });

  it('pushes the verdict filter to the relay', async () => {
    const flows = await client.getFlows({
      namespace: 'tenant-jobs',
      verdict: 'DROPPED',
      last: 20,
    });
    expect(flows.map(f => f.line.slice(f.line.indexOf(': ') + 2))).toEqual([
      'tenant-jobs/worker-7c9f8d5b4-jkq8p:51000 (ID:23456) -> downloads.example.org:443 (world) policy-verdict:none EGRESS DENIED (TCP Flags: SYN)',
      'tenant-jobs/worker-7c9f8d5b4-jkq8p:51000 (ID:23456) <> downloads.example.org:443 (world) Policy denied DROPPED (TCP Flags: SYN)',
      'tenant-web/frontend-58d9c7f6d-pq2lm:38122 (ID:40001) -> tenant-jobs/worker-7c9f8d5b4-jkq8p:8080 (ID:23456) policy-verdict:L3-L4 INGRESS DENIED BY deny-cross-tenant (CiliumClusterwideNetworkPolicy) (TCP Flags: SYN)',
      'tenant-web/frontend-58d9c7f6d-pq2lm:38122 (ID:40001) <> tenant-jobs/worker-7c9f8d5b4-jkq8p:8080 (ID:23456) Policy denied by denylist DROPPED (TCP Flags: SYN)',
    ]);
    expect(flows[1].dropReason).toBe('POLICY_DENIED');
    expect(relay.getFlowsRequests[0].whitelist.map(f => f.verdict)).toEqual([
      ['DROPPED'],
      ['DROPPED'],
    ]);
  });

  it('shows bookinfo L7 HTTP request and response', async () => {
    const flows = await client.getFlows({ namespace: 'bookinfo', last: 2 });
    expect(flows.map(f => f.line)).toEqual([
      'Nov 26 10:00:05.100: bookinfo/productpage-v1-6b746f74dc-2c55l:52514 (ID:31001) -> bookinfo/details-v1-79f774bdb9-wsw8q:9080 (ID:31002) http-request FORWARDED (HTTP/1.1 GET http://details:9080/details/0)',
      'Nov 26 10:00:05.103: bookinfo/productpage-v1-6b746f74dc-2c55l:52514 (ID:31001) <- bookinfo/details-v1-79f774bdb9-wsw8q:9080 (ID:31002) http-response FORWARDED (HTTP/1.1 200 3ms (GET http://details:9080/details/0))',
    ]);
    expect(flows[1].l7).toEqual({
      type: 'RESPONSE',
      latencyNs: 3_000_000,
      http: {
        method: 'GET',
        url: 'http://details:9080/details/0',
        protocol: 'HTTP/1.1',
        code: 200,
      },
    });
  });

  it('returns the newest N of what the relay merged from its nodes, oldest first', async () => {
    const flows = await client.getFlows({ last: 3 });
    expect(flows.map(f => f.time)).toEqual([
      '2026-11-26T10:00:06.000Z',
      '2026-11-26T10:00:07.000Z',
      '2026-11-26T10:00:08.000Z',
    ]);
    expect(flows[0].line).toBe(
      'Nov 26 10:00:06.000: 172.18.1.3:45012 (host) -> 172.18.2.3:4240 (remote-node) to-stack FORWARDED (TCP Flags: ACK, PSH)',
    );
    expect(relay.getFlowsRequests[0].whitelist).toEqual([]);
    // each of the three nodes with flows answered with its own last 3
    expect(relay.flowsSent).toEqual([6]);
  });

  it('sends since as a Timestamp', async () => {
    const flows = await client.getFlows({
      namespace: 'bookinfo',
      last: 100,
      since: '2026-11-26T10:00:05.050Z',
    });
    expect(flows.map(f => f.l7?.type)).toEqual(['REQUEST', 'RESPONSE']);
    expect(relay.getFlowsRequests[0].since).toEqual({
      seconds: '1795687205',
      nanos: 50_000_000,
    });
  });

  it.each(['reject', 'unimplemented'] as const)(
    'retries without the field mask when the relay answers %s, and remembers',
    async mode => {
      relay.setFieldMaskSupport(mode);
      const flows = await client.getFlows({
        namespace: 'tenant-jobs',
        policyVerdictsOnly: true,
        last: 20,
      });
      expect(flows.map(f => f.line)).toEqual(JOBS_VERDICTS);
      await client.getFlows({
        namespace: 'tenant-jobs',
        policyVerdictsOnly: true,
        last: 20,
      });
      expect(relay.getFlowsRequests.map(r => r.field_mask !== null)).toEqual([
        true,
        false,
        false,
      ]);
    },
  );

  it('prints the same lines from a relay that ignores the field mask (pre-1.19)', async () => {
    relay.setFieldMaskSupport('ignore');
    const flows = await client.getFlows({
      namespace: 'tenant-jobs',
      policyVerdictsOnly: true,
      last: 20,
    });
    expect(flows.map(f => f.line)).toEqual(JOBS_VERDICTS);
  });

  it('fails with a clear timeout error when the relay hangs', async () => {
    relay.setFault('GetFlows', { type: 'hang' });
    const hurried = new HubbleRelayClient({
      address: relay.address,
      timeoutMs: 300,
    });
    const started = Date.now();
    await expect(hurried.getFlows({ last: 20 })).rejects.toThrow(
      `Hubble Relay at ${relay.address} did not answer GetFlows within 300 ms (DEADLINE_EXCEEDED)`,
    );
    expect(Date.now() - started).toBeLessThan(1500);
    hurried.close();
  });

  it('cancels the stream when the AbortSignal fires', async () => {
    relay.setFault('GetFlows', { type: 'hang' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(
      client.getFlows({ last: 20 }, { signal: controller.signal }),
    ).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('reports a failing relay with its gRPC status', async () => {
    relay.setFault('GetFlows', {
      type: 'fail',
      code: grpc.status.PERMISSION_DENIED,
      details: 'denied by relay',
    });
    await expect(client.getFlows({ last: 20 })).rejects.toThrow(
      `Hubble Relay at ${relay.address}: GetFlows failed: PERMISSION_DENIED: denied by relay`,
    );
  });

  it('lists namespaces, or undefined when the relay lacks GetNamespaces', async () => {
    expect(await client.getNamespaces()).toContainEqual({
      cluster: 'democluster2',
      namespace: 'tenant-jobs',
    });
    relay.setFault('GetNamespaces', {
      type: 'fail',
      code: grpc.status.UNIMPLEMENTED,
    });
    expect(await client.getNamespaces()).toBeUndefined();
  });
});
