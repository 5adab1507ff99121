import { toFlowRecord } from './flowRecord';
import { decodeFlow } from './printer/decodeForTest';

const base = {
  time: { seconds: 1795687205, nanos: 123_456_789 },
  IP: { source: 'fd00::a', destination: '10.0.2.31' },
  source: {
    identity: 12345,
    namespace: 'tenant-jobs',
    pod_name: 'scheduler-5d8f7c9b6-x2x7q',
  },
  destination: { identity: 2 },
  destination_names: ['example.org'],
  destination_service: { name: 'gateway', namespace: 'tenant-jobs' },
};

describe('toFlowRecord', () => {
  it('keeps millisecond ISO time, IPs, names, services and the unknown reply state', () => {
    const record = toFlowRecord(
      decodeFlow({
        ...base,
        verdict: 'DROPPED',
        drop_reason_desc: 'AUTH_REQUIRED',
        event_type: { type: 1, sub_type: 189 },
      }),
    );
    expect(record).toMatchObject({
      time: '2026-11-26T10:00:05.123Z',
      verdict: 'DROPPED',
      dropReason: 'AUTH_REQUIRED',
      isPolicyVerdict: false,
      trafficDirection: 'TRAFFIC_DIRECTION_UNKNOWN',
      isReply: null,
      source: { ip: 'fd00::a', names: [], labels: [], workloads: [] },
      destination: {
        identity: 2,
        ip: '10.0.2.31',
        names: ['example.org'],
        service: { name: 'gateway', namespace: 'tenant-jobs' },
      },
      summary: '',
    });
    expect(record.policyMatchType).toBeUndefined();
    expect(record.l4).toBeUndefined();
    expect(record.line).toBe(
      'Nov 26 10:00:05.123: tenant-jobs/scheduler-5d8f7c9b6-x2x7q (ID:12345) <> tenant-jobs/gateway (world) Authentication required DROPPED ()',
    );
  });

  it('takes policies of the flow direction, or both when the direction is unknown', () => {
    const policies = {
      egress_allowed_by: [{ name: 'egress-a', kind: 'CiliumNetworkPolicy' }],
      ingress_allowed_by: [
        {
          name: 'ingress-b',
          kind: 'CiliumNetworkPolicy',
          revision: 4,
          labels: ['k8s:io.cilium.k8s.policy.name=ingress-b'],
        },
      ],
      ingress_denied_by: [
        { name: 'deny-c', kind: 'CiliumClusterwideNetworkPolicy' },
      ],
    };
    const egress = toFlowRecord(
      decodeFlow({
        ...base,
        ...policies,
        verdict: 'FORWARDED',
        traffic_direction: 'EGRESS',
        event_type: { type: 5 },
      }),
    );
    expect(egress.allowedBy).toEqual([
      { name: 'egress-a', kind: 'CiliumNetworkPolicy' },
    ]);
    expect(egress.deniedBy).toEqual([]);
    const unknown = toFlowRecord(
      decodeFlow({
        ...base,
        ...policies,
        verdict: 'FORWARDED',
        event_type: { type: 5 },
      }),
    );
    expect(unknown.allowedBy.map(p => p.name)).toEqual([
      'egress-a',
      'ingress-b',
    ]);
    expect(unknown.allowedBy[1]).toEqual({
      name: 'ingress-b',
      kind: 'CiliumNetworkPolicy',
      revision: 4,
      labels: ['k8s:io.cilium.k8s.policy.name=ingress-b'],
    });
    expect(unknown.deniedBy.map(p => p.name)).toEqual(['deny-c']);
    expect(unknown.policyMatchType).toBe('none');
  });

  it('maps ICMPv6 and DNS records', () => {
    const record = toFlowRecord(
      decodeFlow({
        ...base,
        verdict: 'FORWARDED',
        l4: { ICMPv6: { type: 128, code: 0 } },
        l7: {
          type: 'RESPONSE',
          dns: {
            query: 'example.org.',
            ips: ['2001:db8::1'],
            rcode: 0,
            observation_source: 'proxy',
            qtypes: ['AAAA'],
          },
        },
      }),
    );
    expect(record.l4).toEqual({ protocol: 'ICMPv6' });
    expect(record.l7).toEqual({
      type: 'RESPONSE',
      dns: { query: 'example.org.', rcode: 0, ips: ['2001:db8::1'] },
    });
  });
});
