import { fixed2, formatStampMilli, groupThousands } from './goFormat';

describe('Go formatting used by the Hubble CLI', () => {
  it.each([
    [
      {
        seconds: String(Date.UTC(2026, 5, 3, 17, 34, 8) / 1000),
        nanos: 849_999_999,
      },
      'Jun  3 17:34:08.849',
    ],
    [
      { seconds: String(Date.UTC(2026, 10, 26, 0, 0, 0) / 1000), nanos: 0 },
      'Nov 26 00:00:00.000',
    ],
    [null, 'N/A'],
    [{ seconds: '0', nanos: 1_000_000_000 }, 'N/A'],
    [{ seconds: '253402300800', nanos: 0 }, 'N/A'],
  ])('time.StampMilli %#', (ts, text) => {
    expect(formatStampMilli(ts)).toBe(text);
  });

  it.each([
    [0, '0'],
    [999, '999'],
    [8190, '8,190'],
    ['18446744073709551615', '18,446,744,073,709,551,615'],
  ])('uint64Grouping(%p) = %p', (n, text) => {
    expect(groupThousands(n)).toBe(text);
  });

  it.each([
    [12.34, '12.34'],
    [12.3449, '12.34'],
    [0.5, '0.50'],
    [100, '100.00'],
    [0.125, '0.12'],
    [0.375, '0.38'],
    [2.625, '2.62'],
    [12345.6789, '12345.68'],
  ])('%%.2f of %p = %p', (x, text) => {
    expect(fixed2(x)).toBe(text);
  });
});
