import { InputError } from '@backstage/errors';
import { parsePolicyReadinessQuery } from './policyReadinessQuery';

describe('parsePolicyReadinessQuery', () => {
  it('takes the namespace and keeps every edge by default', () => {
    expect(parsePolicyReadinessQuery({ namespace: 'tenant-jobs' })).toEqual({
      namespace: 'tenant-jobs',
    });
  });

  it('takes keep once, repeated or empty (keep none), sorted and unique', () => {
    expect(
      parsePolicyReadinessQuery({ namespace: 'a', keep: ['y', 'x', 'y'] }),
    ).toEqual({ namespace: 'a', keep: ['x', 'y'] });
    expect(parsePolicyReadinessQuery({ namespace: 'a', keep: 'x' })).toEqual({
      namespace: 'a',
      keep: ['x'],
    });
    expect(parsePolicyReadinessQuery({ namespace: 'a', keep: '' })).toEqual({
      namespace: 'a',
      keep: [],
    });
  });

  it.each([
    [{}, "'namespace': is required"],
    [{ namespace: 'Tenant_Jobs' }, "'namespace': must be a DNS-1123 label"],
    [{ namespace: 'a'.repeat(64) }, 'at most 63 characters'],
    [{ namespace: ['a', 'b'] }, "'namespace': must be given once"],
    [{ namespace: 'a', keep: 'x'.repeat(1025) }, 'at most 1024 characters'],
    [{ namespace: 'a', other: '1' }, "Unknown query parameter(s) 'other'"],
  ])('rejects %j with a message naming the parameter', (query, message) => {
    expect(() => parsePolicyReadinessQuery(query)).toThrow(InputError);
    expect(() => parsePolicyReadinessQuery(query)).toThrow(message);
  });
});
