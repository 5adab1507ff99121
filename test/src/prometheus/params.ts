/**
 * Parameter checks of the Prometheus HTTP API (`/api/v1/query`,
 * `/api/v1/query_range`), with the messages Prometheus gives. See
 * https://prometheus.io/docs/prometheus/latest/querying/api/ (timestamps are
 * RFC 3339 or unix seconds, steps are durations or float seconds, at most
 * 11,000 points per series).
 */

export class BadData extends Error {}

const DURATION = /^(\d+)(ms|s|m|h|d|w|y)$/;
const UNIT_SECONDS: Record<string, number> = {
  ms: 0.001,
  s: 1,
  m: 60,
  h: 3600,
  d: 86400,
  w: 604800,
  y: 31536000,
};

/** A timestamp parameter: float unix seconds or RFC 3339. */
export function parseTime(name: string, raw: string): number {
  const n = Number(raw);
  if (raw.trim() !== '' && Number.isFinite(n)) return n;
  const ms = Date.parse(raw);
  if (/^\d{4}-\d\d-\d\dT/.test(raw) && Number.isFinite(ms)) return ms / 1000;
  throw new BadData(
    `invalid parameter "${name}": cannot parse "${raw}" to a valid timestamp`,
  );
}

/** A duration parameter: float seconds or a Prometheus duration (`15s`). */
export function parseDuration(name: string, raw: string): number {
  const n = Number(raw);
  if (raw.trim() !== '' && Number.isFinite(n)) return n;
  const m = raw.match(DURATION);
  if (m) return Number(m[1]) * UNIT_SECONDS[m[2]];
  throw new BadData(
    `invalid parameter "${name}": cannot parse "${raw}" to a valid duration`,
  );
}

/**
 * A syntax check standing in for the parser: brackets and quotes must
 * balance, and there must be an expression. Messages follow Prometheus's
 * `<line>:<col>: parse error: …`.
 */
export function checkSyntax(query: string) {
  if (query.trim() === '') {
    throw new BadData('1:1: parse error: no expression found in input');
  }
  const stack: string[] = [];
  const pairs: Record<string, string> = { ')': '(', '}': '{', ']': '[' };
  let quote: string | undefined;
  for (let i = 0; i < query.length; i++) {
    const c = query[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(' || c === '{' || c === '[') stack.push(c);
    else if (pairs[c]) {
      if (stack.pop() !== pairs[c]) {
        throw new BadData(`1:${i + 1}: parse error: unexpected "${c}"`);
      }
    }
  }
  if (quote) throw new BadData('1:1: parse error: unterminated quoted string');
  if (stack.length > 0) {
    const names: Record<string, string> = {
      '(': 'unclosed left parenthesis',
      '{': 'unexpected end of input inside braces',
      '[': 'unclosed left bracket',
    };
    throw new BadData(
      `1:${query.length}: parse error: ${names[stack[stack.length - 1]]}`,
    );
  }
}

export interface RangeParams {
  start: number;
  end: number;
  step: number;
}

/** `start`, `end` and `step` of a range query, checked as Prometheus does. */
export function rangeParams(params: Record<string, string>): RangeParams {
  for (const name of ['start', 'end', 'step']) {
    if (params[name] === undefined) {
      throw new BadData(`invalid parameter "${name}": missing`);
    }
  }
  const start = parseTime('start', params.start);
  const end = parseTime('end', params.end);
  if (end < start) {
    throw new BadData(
      'invalid parameter "end": end timestamp must not be before start time',
    );
  }
  const step = parseDuration('step', params.step);
  if (step <= 0) {
    throw new BadData(
      'invalid parameter "step": zero or negative query resolution step widths are not accepted. Try a positive integer',
    );
  }
  if ((end - start) / step > 11000) {
    throw new BadData(
      'exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)',
    );
  }
  return { start, end, step };
}

/** Prometheus's string form of a sample value. */
export function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}
