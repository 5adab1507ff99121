import type { WireTimestamp } from '../wire';

const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

// google.protobuf.Timestamp validity bounds (0001-01-01 .. 9999-12-31).
const MIN_SECONDS = -62135596800;
const MAX_SECONDS = 253402300799;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Milliseconds since the epoch, or undefined when the timestamp is invalid. */
export function timestampMillis(
  ts: WireTimestamp | null | undefined,
): number | undefined {
  if (!ts) return undefined;
  const seconds = Number(ts.seconds);
  const nanos = ts.nanos ?? 0;
  if (
    !Number.isFinite(seconds) ||
    seconds < MIN_SECONDS ||
    seconds > MAX_SECONDS
  )
    return undefined;
  if (nanos < 0 || nanos >= 1e9) return undefined;
  return seconds * 1000 + Math.floor(nanos / 1e6);
}

/**
 * Go's `time.StampMilli` (`Jan _2 15:04:05.000`) in UTC, as `hubble observe`
 * prints it; `N/A` for a missing or invalid timestamp.
 */
export function formatStampMilli(ts: WireTimestamp | null | undefined): string {
  const ms = timestampMillis(ts);
  if (ms === undefined) return 'N/A';
  const d = new Date(ms);
  const day = String(d.getUTCDate()).padStart(2, ' ');
  return (
    `${MONTHS[d.getUTCMonth()]} ${day} ` +
    `${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(
      d.getUTCSeconds(),
      2,
    )}.` +
    `${pad(d.getUTCMilliseconds(), 3)}`
  );
}

/** Go's `uint64Grouping` from the Hubble printer: 8190 → `8,190`. */
export function groupThousands(n: number | string): string {
  const digits = String(n);
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Go's `fmt.Sprintf("%.2f", x)`. Same as `toFixed(2)` except for values
 * exactly halfway between two cents (0.125, 2.375, ...), which Go rounds to
 * even and JavaScript rounds up.
 */
export function fixed2(x: number): string {
  const scaled = x * 100;
  const exactHalf =
    Number.isInteger(x * 8) &&
    !Number.isInteger(scaled) &&
    Number.isInteger(scaled * 2);
  if (!exactHalf) return x.toFixed(2);
  const down = Math.floor(scaled);
  const even = down % 2 === 0 ? down : down + 1;
  return (even / 100).toFixed(2);
}
