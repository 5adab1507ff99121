import { brokenRoute, checkoutRoute } from '../../__fixtures__/clusterStatus';
import { describeFilter, describeMatch, describeParent } from './describeRoute';
import { weightShares } from './WeightBar';

describe('describeRoute', () => {
  it('spells out header modifiers', () => {
    expect(checkoutRoute.rules[0].filters.flatMap(describeFilter)).toEqual([
      'request: add some-header: This is fun',
      'request: set user-agent: Mozilla/5.0',
      'request: remove x-debug',
    ]);
    expect(brokenRoute.rules[0].filters.flatMap(describeFilter)).toEqual([
      'response: set cache-control: no-store',
      'rewrite path /v2/jobs (ReplacePrefixMatch)',
    ]);
    expect(
      describeFilter({
        type: 'RequestRedirect',
        requestRedirect: { scheme: 'https', statusCode: 301 },
      }),
    ).toEqual(['redirect 301 to https://']);
  });

  it('describes matches and parents', () => {
    expect(describeMatch(checkoutRoute.rules[0].matches[0])).toBe(
      'GET, PathPrefix /api, header x-canary=true',
    );
    expect(describeMatch({})).toBe('PathPrefix / (default)');
    expect(describeParent(checkoutRoute.parentRefs[0], 'shop')).toBe(
      'infra-gateway/public/https',
    );
    expect(describeParent({ name: 'gw', port: 443 }, 'shop')).toBe(
      'shop/gw:443',
    );
  });

  it('turns weights into shares of the total', () => {
    expect(
      weightShares(checkoutRoute.rules[0].backendRefs).map(s => s.percent),
    ).toEqual([90, 10]);
    expect(
      weightShares([
        { name: 'a', weight: 1 },
        { name: 'b', weight: 2 },
      ]).map(s => s.percent),
    ).toEqual([33.3, 66.7]);
    expect(
      weightShares([{ name: 'a', weight: 0 }]).map(s => s.percent),
    ).toEqual([0]);
  });
});
