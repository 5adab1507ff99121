import {
  FLOWS_LAST_DEFAULT,
  FLOWS_LAST_MAX,
  FLOWS_LAST_MIN,
  FLOWS_SUMMARY_LAST_DEFAULT,
  FLOWS_SUMMARY_LAST_MAX,
  FLOWS_SUMMARY_LAST_MIN,
  FlowsQuery,
  FlowsSummaryQuery,
  FlowStreamQuery,
  VERDICTS,
  Verdict,
  DNS_1123_LABEL_PATTERN,
} from '@internal/plugin-cilium-common';
import { z } from 'zod';
import { parseQuery } from './parseQuery';

const DNS_1123_LABEL = new RegExp(DNS_1123_LABEL_PATTERN);

/**
 * zod's datetime accepts any two-digit offset (`+24:00`) and calendar
 * impossibilities (`02-31`), which `Date` then rejects: check both.
 */
function validOffsetAndDate(value: string): boolean {
  const offset = /([+-])(\d{2}):?(\d{2})$/.exec(value);
  if (offset) {
    const minutes = Number(offset[2]) * 60 + Number(offset[3]);
    const max = offset[1] === '+' ? 14 * 60 : 12 * 60;
    if (Number(offset[3]) >= 60 || minutes > max) return false;
  }
  const time = new Date(value).getTime();
  if (!Number.isFinite(time)) return false;
  const [, y, mo, d] = /^(\d{4})-(\d{2})-(\d{2})/.exec(value) ?? [];
  const days = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
  return Number(d) >= 1 && Number(d) <= days;
}

const last = (min: number, max: number) =>
  z
    .string({ error: 'must be given once' })
    .regex(/^\d+$/, `must be an integer from ${min} to ${max}`)
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(min, `must be an integer from ${min} to ${max}`)
        .max(max, `must be an integer from ${min} to ${max}`),
    )
    .optional();

/** The query parameters of the flows routes; each route picks its own. */
export const fields = {
  namespace: z
    .string({ error: 'must be given once' })
    .max(63, 'must be a DNS-1123 label: at most 63 characters')
    .regex(
      DNS_1123_LABEL,
      'must be a DNS-1123 label: lower-case letters, digits and "-", starting and ending with a letter or digit',
    )
    .optional(),
  verdict: z
    .enum(VERDICTS as [Verdict, ...Verdict[]], {
      error: `must be one of ${VERDICTS.join(', ')}`,
    })
    .optional(),
  policyVerdictsOnly: z
    .enum(['true', 'false'], {
      error: 'must be true or false',
    })
    .transform(v => v === 'true')
    .optional(),
  since: z
    .string({ error: 'must be given once' })
    .datetime({
      offset: true,
      message: 'must be an ISO 8601 date-time, e.g. 2026-11-26T10:00:00Z',
    })
    .refine(validOffsetAndDate, {
      message:
        'must be a real date-time with a UTC offset from -12:00 to +14:00, e.g. 2026-11-26T10:00:00+01:00',
    })
    .optional(),
};

const flowsSchema = z
  .object({ ...fields, last: last(FLOWS_LAST_MIN, FLOWS_LAST_MAX) })
  .strict();
const summarySchema = z
  .object({
    namespace: fields.namespace,
    since: fields.since,
    last: last(FLOWS_SUMMARY_LAST_MIN, FLOWS_SUMMARY_LAST_MAX),
  })
  .strict();
const streamSchema = z
  .object({
    namespace: fields.namespace,
    verdict: fields.verdict,
    policyVerdictsOnly: fields.policyVerdictsOnly,
  })
  .strict();

const isoSince = (since: string | undefined) =>
  since === undefined ? {} : { since: new Date(since).toISOString() };

/**
 * Validates the flows route's query string. Every problem is an InputError
 * (400) naming the parameter and the rule it broke.
 */
export function parseFlowsQuery(query: unknown): FlowsQuery {
  const q = parseQuery(flowsSchema, query);
  const out: FlowsQuery = { last: q.last ?? FLOWS_LAST_DEFAULT };
  if (q.namespace !== undefined) out.namespace = q.namespace;
  if (q.verdict !== undefined) out.verdict = q.verdict;
  if (q.policyVerdictsOnly !== undefined)
    out.policyVerdictsOnly = q.policyVerdictsOnly;
  return { ...out, ...isoSince(q.since) };
}

/** The flows summary route's query: namespace, since and last (1..10,000). */
export function parseFlowsSummaryQuery(query: unknown): FlowsSummaryQuery {
  const q = parseQuery(summarySchema, query);
  const out: FlowsSummaryQuery = { last: q.last ?? FLOWS_SUMMARY_LAST_DEFAULT };
  if (q.namespace !== undefined) out.namespace = q.namespace;
  return { ...out, ...isoSince(q.since) };
}

/** The live stream's query: namespace, verdict and policyVerdictsOnly. */
export function parseFlowStreamQuery(query: unknown): FlowStreamQuery {
  const q = parseQuery(streamSchema, query);
  const out: FlowStreamQuery = {};
  if (q.namespace !== undefined) out.namespace = q.namespace;
  if (q.verdict !== undefined) out.verdict = q.verdict;
  if (q.policyVerdictsOnly) out.policyVerdictsOnly = true;
  return out;
}
