import { compactFlowLine, flowColumns, lineOf } from './flowLine';
import { summaryColumn } from './summary';
import { decodeFlow } from './decodeForTest';
import { at, tcp, scheduler, worker } from './testEndpoints';

// Each `line` is written the way `hubble observe --print-policy-names` prints it.
const cases: { name: string; flow: object; line: string }[] = [
  {
    name: 'policy verdict allowed by a named CiliumNetworkPolicy',
    flow: {
      time: at,
      verdict: 'FORWARDED',
      IP: { source: '10.0.1.15', destination: '10.0.2.31', ipVersion: 'IPv4' },
      l4: tcp(43562, 8080, { SYN: true }),
      source: scheduler,
      destination: worker,
      event_type: { type: 5, sub_type: 0 },
      traffic_direction: 'INGRESS',
      policy_match_type: 2,
      is_reply: { value: false },
      ingress_allowed_by: [
        {
          name: 'allow-scheduler-to-worker',
          namespace: 'tenant-jobs',
          kind: 'CiliumNetworkPolicy',
        },
      ],
      Summary: 'TCP Flags: SYN',
    },
    line:
      'Jun  3 17:34:08.849: tenant-jobs/scheduler-5d8f7c9b6-x2x7q:43562 (ID:12345) -> ' +
      'tenant-jobs/worker-7c9f8d5b4-jkq8p:8080 (ID:23456) policy-verdict:L3-L4 INGRESS ' +
      'ALLOWED BY allow-scheduler-to-worker (CiliumNetworkPolicy) (TCP Flags: SYN)',
  },
  {
    name: 'policy verdict denied on egress by a clusterwide deny policy, two policies',
    flow: {
      time: {
        seconds: Date.UTC(2026, 10, 26, 9, 5, 1) / 1000,
        nanos: 7_000_000,
      },
      verdict: 'DROPPED',
      IP: {
        source: '10.0.1.15',
        destination: '203.0.113.10',
        ipVersion: 'IPv4',
      },
      l4: tcp(51000, 443, { SYN: true }),
      source: scheduler,
      destination: { identity: 2, labels: ['reserved:world'] },
      destination_names: ['example.org'],
      event_type: { type: 5 },
      traffic_direction: 'EGRESS',
      policy_match_type: 1,
      is_reply: { value: false },
      egress_denied_by: [
        { name: 'deny-internet', kind: 'CiliumClusterwideNetworkPolicy' },
        { name: 'no-kind-is-skipped' },
        {
          name: 'tenant-egress-lockdown',
          namespace: 'tenant-jobs',
          kind: 'CiliumNetworkPolicy',
        },
      ],
    },
    line:
      'Nov 26 09:05:01.007: tenant-jobs/scheduler-5d8f7c9b6-x2x7q:51000 (ID:12345) -> example.org:443 (world) ' +
      'policy-verdict:L3-Only EGRESS DENIED BY deny-internet (CiliumClusterwideNetworkPolicy), ' +
      'tenant-egress-lockdown (CiliumNetworkPolicy) (TCP Flags: SYN)',
  },
  {
    name: 'audit verdict',
    flow: {
      time: at,
      verdict: 'AUDIT',
      IP: { source: '10.0.1.15', destination: '10.0.2.31' },
      l4: tcp(43562, 8080, { SYN: true }),
      source: scheduler,
      destination: worker,
      event_type: { type: 5 },
      traffic_direction: 'INGRESS',
      policy_match_type: 0,
    },
    line:
      'Jun  3 17:34:08.849: tenant-jobs/scheduler-5d8f7c9b6-x2x7q:43562 (ID:12345) <> ' +
      'tenant-jobs/worker-7c9f8d5b4-jkq8p:8080 (ID:23456) policy-verdict:none INGRESS AUDITED (TCP Flags: SYN)',
  },
  {
    name: 'drop with unknown direction prints <> and the drop reason',
    flow: {
      time: at,
      verdict: 'DROPPED',
      drop_reason_desc: 'POLICY_DENIED',
      IP: { source: '10.0.3.7', destination: '10.0.2.31' },
      l4: tcp(38122, 8080, { SYN: true }),
      source: {
        identity: 40001,
        namespace: 'tenant-web',
        pod_name: 'frontend-58d9c7f6d-pq2lm',
      },
      destination: worker,
      event_type: { type: 1, sub_type: 133 },
    },
    line:
      'Jun  3 17:34:08.849: tenant-web/frontend-58d9c7f6d-pq2lm:38122 (ID:40001) <> ' +
      'tenant-jobs/worker-7c9f8d5b4-jkq8p:8080 (ID:23456) Policy denied DROPPED (TCP Flags: SYN)',
  },
  {
    name: 'trace to-endpoint from the host over IPv6, flags in CLI order',
    flow: {
      time: at,
      verdict: 'FORWARDED',
      IP: {
        source: 'fd00:10:244::1',
        destination: 'fd00:10:244::5b',
        ipVersion: 'IPv6',
      },
      l4: tcp(4240, 33412, { FIN: true, ACK: true, PSH: true }),
      source: { identity: 1, labels: ['reserved:host'] },
      destination: { identity: 4 },
      event_type: { type: 4, sub_type: 0 },
      trace_observation_point: 'TO_ENDPOINT',
      is_reply: { value: false },
    },
    line:
      'Jun  3 17:34:08.849: [fd00:10:244::1]:4240 (host) -> [fd00:10:244::5b]:33412 (health) ' +
      'to-endpoint FORWARDED (TCP Flags: ACK, FIN, PSH)',
  },
  {
    name: 'ICMPv4 from the world, no ports, remote-node identity, to-network',
    flow: {
      time: at,
      verdict: 'FORWARDED',
      IP: { source: '192.0.2.44', destination: '172.18.0.3' },
      l4: { ICMPv4: { type: 8, code: 0 } },
      source: { identity: 9 },
      destination: { identity: 6 },
      event_type: { type: 4, sub_type: 11 },
      is_reply: { value: false },
    },
    line: 'Jun  3 17:34:08.849: 192.0.2.44 (world-ipv4) -> 172.18.0.3 (remote-node) to-network FORWARDED (ICMPv4 EchoRequest)',
  },
  {
    name: 'IP trace ID, mutual auth and a server-provided summary fallback (UDP)',
    flow: {
      time: at,
      verdict: 'FORWARDED',
      IP: { source: '10.0.1.15', destination: '10.0.2.31' },
      l4: { UDP: { source_port: 5000, destination_port: 6000 } },
      source: scheduler,
      destination: worker,
      event_type: { type: 4, sub_type: 5 },
      ip_trace_id: { trace_id: 42 },
      auth_type: 'SPIRE',
      is_reply: { value: false },
      Summary: 'UDP',
    },
    line:
      'Jun  3 17:34:08.849: tenant-jobs/scheduler-5d8f7c9b6-x2x7q:5000 (ID:12345) -> ' +
      'tenant-jobs/worker-7c9f8d5b4-jkq8p:6000 (ID:23456) from-endpoint FORWARDED (IP Trace ID: 42; UDP; Auth: SPIRE)',
  },
  {
    name: 'REDIRECTED policy verdict on egress reads ALLOWED with the egress policy only',
    flow: {
      time: at,
      verdict: 'REDIRECTED',
      IP: { source: '10.0.1.15', destination: '10.0.0.12' },
      l4: { UDP: { source_port: 40211, destination_port: 53 } },
      source: scheduler,
      destination: {
        identity: 102,
        namespace: 'kube-system',
        pod_name: 'coredns-76f75df574-8xk2d',
      },
      event_type: { type: 5 },
      traffic_direction: 'EGRESS',
      policy_match_type: 2,
      is_reply: { value: false },
      egress_allowed_by: [
        {
          name: 'allow-kube-dns',
          namespace: 'tenant-jobs',
          kind: 'CiliumNetworkPolicy',
        },
      ],
      ingress_allowed_by: [
        { name: 'not-this-one', kind: 'CiliumNetworkPolicy' },
      ],
      Summary: 'UDP',
    },
    line:
      'Jun  3 17:34:08.849: tenant-jobs/scheduler-5d8f7c9b6-x2x7q:40211 (ID:12345) -> ' +
      'kube-system/coredns-76f75df574-8xk2d:53 (ID:102) policy-verdict:L3-L4 EGRESS ' +
      'ALLOWED BY allow-kube-dns (CiliumNetworkPolicy) (UDP)',
  },
  {
    name: 'no IP layer: MAC addresses, no ports',
    flow: {
      time: at,
      verdict: 'FORWARDED',
      ethernet: {
        source: '02:42:ac:12:00:03',
        destination: 'ff:ff:ff:ff:ff:ff',
      },
      source: { identity: 1 },
      destination: { identity: 2 },
      event_type: { type: 4, sub_type: 10 },
      is_reply: { value: false },
      Summary: 'ARP',
    },
    line: 'Jun  3 17:34:08.849: 02:42:ac:12:00:03 (host) -> ff:ff:ff:ff:ff:ff (world) from-network FORWARDED (ARP)',
  },
  {
    name: 'no timestamp, unknown identity and event type',
    flow: {
      verdict: 'VERDICT_UNKNOWN',
      IP: { source: '10.0.0.1', destination: '10.0.0.2' },
    },
    line: 'N/A: 10.0.0.1 (unknown) <> 10.0.0.2 (unknown) UNKNOWN VERDICT_UNKNOWN ()',
  },
];

describe('compactFlowLine: L3/L4 (hubble observe --print-policy-names)', () => {
  it.each(cases)('$name', ({ flow, line }) => {
    expect(compactFlowLine(decodeFlow(flow))).toBe(line);
  });
});

describe('flowColumns: the parts of the line the frontend shows', () => {
  it.each(cases)(
    '$name: the columns are the printed line',
    ({ flow, line }) => {
      const decoded = decodeFlow(flow);
      expect(lineOf(flowColumns(decoded), summaryColumn(decoded))).toBe(line);
      const c = flowColumns(decoded);
      expect(
        line.startsWith(`${c.time}: ${c.source} ${c.sourceIdentity} `),
      ).toBe(true);
      expect(line).toContain(` ${c.type} ${c.verdict} (`);
    },
  );
});
