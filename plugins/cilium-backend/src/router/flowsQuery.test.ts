import {
  parseFlowsQuery,
  parseFlowsSummaryQuery,
  parseFlowStreamQuery,
} from './flowsQuery';

describe('parseFlowsQuery', () => {
  it('applies the default and normalises values', () => {
    expect(parseFlowsQuery({})).toEqual({ last: 100 });
    expect(
      parseFlowsQuery({
        namespace: 'tenant-jobs',
        last: '1000',
        verdict: 'DROPPED',
        policyVerdictsOnly: 'true',
        since: '2026-11-26T10:00:00+01:00',
      }),
    ).toEqual({
      namespace: 'tenant-jobs',
      last: 1000,
      verdict: 'DROPPED',
      policyVerdictsOnly: true,
      since: '2026-11-26T09:00:00.000Z',
    });
  });

  it.each([
    [
      { namespace: 'Tenant' },
      "Invalid query parameter 'namespace': must be a DNS-1123 label",
    ],
    [
      { namespace: 'a'.repeat(64) },
      "Invalid query parameter 'namespace': must be a DNS-1123 label: at most 63",
    ],
    [
      { namespace: ['a', 'b'] },
      "Invalid query parameter 'namespace': must be given once",
    ],
    [
      { last: '0' },
      "Invalid query parameter 'last': must be an integer from 1 to 1000",
    ],
    [
      { last: '1001' },
      "Invalid query parameter 'last': must be an integer from 1 to 1000",
    ],
    [
      { last: '1.5' },
      "Invalid query parameter 'last': must be an integer from 1 to 1000",
    ],
    [
      { verdict: 'dropped' },
      "Invalid query parameter 'verdict': must be one of VERDICT_UNKNOWN, FORWARDED, DROPPED",
    ],
    [
      { policyVerdictsOnly: 'yes' },
      "Invalid query parameter 'policyVerdictsOnly': must be true or false",
    ],
    [
      { since: 'yesterday' },
      "Invalid query parameter 'since': must be an ISO 8601 date-time",
    ],
    ...[
      '2026-11-26T10:00:00+24:00',
      '2026-11-26T10:00:00-13:00',
      '2026-11-26T10:00:00+01:75',
      '2026-02-31T10:00:00Z',
    ].map((since): [Record<string, string>, string] => [
      { since },
      "Invalid query parameter 'since': must be a real date-time with a UTC offset from -12:00 to +14:00",
    ]),
    [{ url: 'http://10.0.0.1:4245' }, "Unknown query parameter(s) 'url'"],
  ])('rejects %j', (query, message) => {
    expect(() => parseFlowsQuery(query)).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringContaining(message),
      }),
    );
  });
});

describe('parseFlowsSummaryQuery', () => {
  it('defaults to the newest 10,000 flows and normalises since', () => {
    expect(parseFlowsSummaryQuery({})).toEqual({ last: 10000 });
    expect(
      parseFlowsSummaryQuery({
        namespace: 'tenant-jobs',
        last: '500',
        since: '2026-11-26T10:00:00+01:00',
      }),
    ).toEqual({
      namespace: 'tenant-jobs',
      last: 500,
      since: '2026-11-26T09:00:00.000Z',
    });
  });

  it.each([
    [
      { last: '10001' },
      "Invalid query parameter 'last': must be an integer from 1 to 10000",
    ],
    [{ namespace: 'A' }, "Invalid query parameter 'namespace'"],
    [
      { verdict: 'DROPPED' },
      "Unknown query parameter(s) 'verdict': allowed are namespace, since, last",
    ],
  ])('rejects %j', (query, message) => {
    expect(() => parseFlowsSummaryQuery(query)).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringContaining(message),
      }),
    );
  });
});

describe('parseFlowStreamQuery', () => {
  it('takes the filters a follow stream pushes to the relay', () => {
    expect(
      parseFlowStreamQuery({ namespace: 'tenant-jobs', verdict: 'DROPPED' }),
    ).toEqual({ namespace: 'tenant-jobs', verdict: 'DROPPED' });
    expect(parseFlowStreamQuery({ policyVerdictsOnly: 'false' })).toEqual({});
  });

  it('rejects last: a live stream has no history', () => {
    expect(() => parseFlowStreamQuery({ last: '10' })).toThrow(
      "Unknown query parameter(s) 'last': allowed are namespace, verdict, policyVerdictsOnly",
    );
  });
});
