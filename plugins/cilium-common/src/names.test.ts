import {
  DNS_1123_SUBDOMAIN_PATTERN,
  dns1123LabelRule,
  isDns1123Label,
  isDns1123Subdomain,
} from './names';

describe('DNS-1123 names', () => {
  it.each(['a', 'democluster1', 'kube-system', '0abc', 'a'.repeat(63)])(
    'accepts the label %s',
    name => expect(isDns1123Label(name)).toBe(true),
  );

  it.each([
    ['', 'empty'],
    ['DemoCluster', 'upper case'],
    ['-a', 'leading dash'],
    ['a-', 'trailing dash'],
    ['a_b', 'underscore'],
    ['a.b', 'dot'],
    ['../etc', 'path'],
    ['a'.repeat(64), 'over 63 characters'],
  ])('refuses the label %j (%s)', name =>
    expect(isDns1123Label(name)).toBe(false),
  );

  it('honours a tighter limit such as Cilium cluster names (32)', () => {
    expect(isDns1123Label('a'.repeat(32), 32)).toBe(true);
    expect(isDns1123Label('a'.repeat(33), 32)).toBe(false);
  });

  it('accepts subdomains of labels up to 253 characters', () => {
    expect(isDns1123Subdomain('echo-1.v2')).toBe(true);
    expect(isDns1123Subdomain(`${'a.'.repeat(126)}a`)).toBe(true);
    expect(isDns1123Subdomain(`${'a.'.repeat(127)}a`)).toBe(false);
    expect(isDns1123Subdomain('a..b')).toBe(false);
    expect(isDns1123Subdomain('Echo')).toBe(false);
  });

  it('spells the subdomain pattern as the subdomain rule reads', () => {
    const re = new RegExp(DNS_1123_SUBDOMAIN_PATTERN);
    for (const s of ['a', 'echo-1.v2', 'a..b', 'Echo', '-a.b', 'a.b-'])
      expect([s, re.test(s)]).toEqual([s, isDns1123Subdomain(s)]);
  });

  it('states the rule with its limit', () => {
    expect(dns1123LabelRule(32)).toBe(
      'a DNS-1123 label of at most 32 characters (lowercase letters, digits and "-", starting and ending with a letter or digit)',
    );
  });
});
