import {
  cidrsOverlap,
  formatIpv4,
  ipv4CidrProblem,
  parseIpv4,
  parseIpv4Cidr,
} from './ipv4';

describe('ipv4', () => {
  it('parses dotted quads and rejects everything else', () => {
    expect(parseIpv4('10.0.0.1')).toBe(167772161);
    expect(formatIpv4(167772161)).toBe('10.0.0.1');
    for (const bad of [
      '10.0.0',
      '10.0.0.256',
      '010.0.0.1',
      '1.2.3.4.5',
      'a.b.c.d',
      '',
    ]) {
      expect(parseIpv4(bad)).toBeUndefined();
    }
  });

  it('names the CIDR rule that fails', () => {
    expect(ipv4CidrProblem('10.0.0.0/16')).toBeUndefined();
    expect(ipv4CidrProblem('0.0.0.0/0')).toBeUndefined();
    expect(ipv4CidrProblem('10.0.0.0/33')).toBe(
      '10.0.0.0/33 is not a valid IPv4 CIDR',
    );
    expect(ipv4CidrProblem('10.0.0.0')).toBe(
      '10.0.0.0 is not a valid IPv4 CIDR',
    );
    expect(ipv4CidrProblem('10.0.0.1/8')).toBe(
      '10.0.0.1/8 has host bits set (did you mean 10.0.0.0/8?)',
    );
  });

  it('detects overlap and adjacency correctly', () => {
    const a = parseIpv4Cidr('10.0.0.0/16');
    expect(cidrsOverlap(a, parseIpv4Cidr('10.0.255.0/24'))).toBe(true);
    expect(cidrsOverlap(a, parseIpv4Cidr('10.1.0.0/16'))).toBe(false);
    expect(cidrsOverlap(parseIpv4Cidr('0.0.0.0/0'), a)).toBe(true);
  });
});
