import { hubbleStatusText } from './statusText';
import { decodeServerStatus } from './decodeForTest';

const ok = { healthy: true, status: 'Ok' };
const target = 'hubble-relay.kube-system.svc:80';

// Each `text` is written the way `hubble status` prints it.
const cases: {
  name: string;
  status: object;
  health?: typeof ok;
  text: string;
}[] = [
  {
    name: 'relay with full ring buffers and flows_rate',
    status: {
      num_flows: 8190,
      max_flows: 8190,
      seen_flows: 123456,
      uptime_ns: 3_600_000_000_000,
      num_connected_nodes: { value: 3 },
      num_unavailable_nodes: { value: 0 },
      version: '1.19.4',
      flows_rate: 12.3449,
    },
    text: [
      'Healthcheck (via hubble-relay.kube-system.svc:80): Ok',
      'Current/Max Flows: 8,190/8,190 (100.00%)',
      'Flows/s: 12.34',
      'Connected Nodes: 3/3',
    ].join('\n'),
  },
  {
    name: 'older relay without flows_rate: seen / uptime; unavailable nodes sorted, truncated list',
    status: {
      num_flows: 20475,
      max_flows: 24570,
      seen_flows: 1_234_567,
      uptime_ns: 100_000_000_000,
      num_connected_nodes: { value: 4 },
      num_unavailable_nodes: { value: 3 },
      unavailable_nodes: ['democluster2/worker-2', 'democluster2/worker-1'],
    },
    text: [
      'Healthcheck (via hubble-relay.kube-system.svc:80): Ok',
      'Current/Max Flows: 20,475/24,570 (83.33%)',
      'Flows/s: 12345.67',
      'Connected Nodes: 4/7',
      'Unavailable Nodes: 3',
      '  - democluster2/worker-1',
      '  - democluster2/worker-2',
      '  - and 1 more...',
    ].join('\n'),
  },
  {
    name: 'single agent: no node counts, no max flows, no uptime',
    status: { num_flows: 0, max_flows: 0, seen_flows: 0 },
    text: [
      'Healthcheck (via hubble-relay.kube-system.svc:80): Ok',
      'Current/Max Flows: 0/0',
      'Flows/s: N/A',
    ].join('\n'),
  },
  {
    name: 'unavailable count without names',
    status: {
      num_flows: 999,
      max_flows: 4095,
      flows_rate: 0.5,
      num_connected_nodes: { value: 1 },
      num_unavailable_nodes: { value: 2 },
    },
    text: [
      'Healthcheck (via hubble-relay.kube-system.svc:80): Ok',
      'Current/Max Flows: 999/4,095 (24.40%)',
      'Flows/s: 0.50',
      'Connected Nodes: 1/3',
      'Unavailable Nodes: 2',
    ].join('\n'),
  },
  {
    name: 'health not SERVING: the CLI stops after the health line',
    health: { healthy: false, status: 'Unavailable: NOT_SERVING' },
    status: { num_flows: 1, max_flows: 2 },
    text: 'Healthcheck (via hubble-relay.kube-system.svc:80): Unavailable: NOT_SERVING',
  },
];

describe('hubbleStatusText (hubble status)', () => {
  it.each(cases)('$name', ({ status, health, text }) => {
    expect(
      hubbleStatusText(target, health ?? ok, decodeServerStatus(status)),
    ).toBe(text);
  });
});
