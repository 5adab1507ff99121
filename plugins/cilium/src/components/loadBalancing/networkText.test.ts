import { LbIpPoolInfo } from '@internal/plugin-cilium-common';
import { formatUptime, poolUsage, sessionLook } from './networkText';

const pool = (p: Partial<LbIpPoolInfo>): LbIpPoolInfo => ({
  name: 'p',
  blocks: [],
  disabled: false,
  conditions: [],
  ...p,
});

describe('formatUptime', () => {
  it.each([
    [0, '0s'],
    [45, '45s'],
    [60, '1m'],
    [125, '2m 5s'],
    [3_600, '1h'],
    [7_500, '2h 5m'],
    [7_559.9, '2h 5m'],
    [86_400, '1d'],
    [90_061, '1d 1h'],
    [86_460, '1d'],
  ])('%s s reads %s', (seconds, text) => {
    expect(formatUptime(seconds)).toBe(text);
  });

  it('has nothing to say about an unknown or impossible duration', () => {
    expect(formatUptime(undefined)).toBeUndefined();
    expect(formatUptime(-1)).toBeUndefined();
    expect(formatUptime(Number.NaN)).toBeUndefined();
  });
});

describe('poolUsage', () => {
  it('reads the counts of the pool conditions', () => {
    expect(
      poolUsage(pool({ ipsTotal: 8, ipsAvailable: 5, ipsUsed: 3 })),
    ).toEqual({
      text: '3 of 8 IPs used',
      used: 3,
      total: 8,
      ratio: 0.375,
      exhausted: false,
    });
  });

  it('is exhausted when no IP is available, and derives a missing count', () => {
    expect(poolUsage(pool({ ipsTotal: 2, ipsAvailable: 0 }))).toMatchObject({
      text: '2 of 2 IPs used',
      exhausted: true,
    });
    expect(poolUsage(pool({ ipsTotal: 1, ipsUsed: 1 }))).toMatchObject({
      text: '1 of 1 IP used',
      exhausted: true,
    });
  });

  it('says when the operator has not reported usage yet', () => {
    expect(poolUsage(pool({}))).toEqual({
      text: 'usage not reported',
      exhausted: false,
    });
  });

  it('has no ratio for an empty pool', () => {
    expect(
      poolUsage(pool({ ipsTotal: 0, ipsAvailable: 0, ipsUsed: 0 })),
    ).toMatchObject({ text: '0 of 0 IPs used', ratio: undefined });
  });
});

describe('sessionLook', () => {
  it('is green only for an established session', () => {
    expect(sessionLook('established').color).toBe('success');
    expect(sessionLook('Established').color).toBe('success');
    expect(sessionLook('active').color).toBe('warning');
    expect(sessionLook('connect').color).toBe('warning');
    expect(sessionLook('unknown').color).toBe('warning');
    expect(sessionLook('idle').color).toBe('danger');
  });
});
