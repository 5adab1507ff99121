import { buildGetFlowsRequest, FLOW_FIELD_MASK } from './flowsRequest';

describe('buildGetFlowsRequest (the request hubble observe sends)', () => {
  it('--type policy-verdict -n tenant-jobs --last 5', () => {
    expect(
      buildGetFlowsRequest({
        namespace: 'tenant-jobs',
        policyVerdictsOnly: true,
        last: 5,
      }),
    ).toEqual({
      number: '5',
      follow: false,
      whitelist: [
        { source_pod: ['tenant-jobs/'], event_type: [{ type: 5 }] },
        { destination_pod: ['tenant-jobs/'], event_type: [{ type: 5 }] },
      ],
      blacklist: [],
      field_mask: { paths: [...FLOW_FIELD_MASK] },
    });
  });

  it('--verdict DROPPED --since, without a namespace: one filter', () => {
    expect(
      buildGetFlowsRequest(
        { verdict: 'DROPPED', last: 20, since: '2026-11-26T10:00:05.250Z' },
        false,
      ),
    ).toEqual({
      number: '20',
      follow: false,
      whitelist: [{ verdict: ['DROPPED'] }],
      blacklist: [],
      since: { seconds: '1795687205', nanos: 250_000_000 },
    });
  });

  it('no filters: no whitelist', () => {
    expect(buildGetFlowsRequest({ last: 1 }).whitelist).toEqual([]);
  });

  it('keeps the CLI default mask and adds what the verdict line needs', () => {
    expect(FLOW_FIELD_MASK).toEqual(
      expect.arrayContaining([
        'time',
        'verdict',
        'IP',
        'l4',
        'source.pod_name',
        'Summary',
        'is_reply',
        'traffic_direction',
        'policy_match_type',
        'egress_allowed_by',
        'ingress_allowed_by',
        'egress_denied_by',
        'ingress_denied_by',
      ]),
    );
  });

  it.each([0, -1, 2.5, NaN])('rejects last = %p', last => {
    expect(() => buildGetFlowsRequest({ last })).toThrow(/Invalid last/);
  });

  it('rejects an unparseable since', () => {
    expect(() => buildGetFlowsRequest({ last: 1, since: 'yesterday' })).toThrow(
      /Invalid since/,
    );
  });
});
