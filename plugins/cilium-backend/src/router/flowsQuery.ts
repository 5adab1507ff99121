import { InputError } from '@backstage/errors';
import {
  FLOWS_LAST_DEFAULT,
  FLOWS_LAST_MAX,
  FLOWS_LAST_MIN,
  FlowsQuery,
  VERDICTS,
  Verdict,
} from '@internal/plugin-cilium-common';
import { z } from 'zod';

const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

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

const schema = z
  .object({
    namespace: z
      .string({ invalid_type_error: 'must be given once' })
      .max(63, 'must be a DNS-1123 label: at most 63 characters')
      .regex(
        DNS_1123_LABEL,
        'must be a DNS-1123 label: lower-case letters, digits and "-", starting and ending with a letter or digit',
      )
      .optional(),
    last: z
      .string({ invalid_type_error: 'must be given once' })
      .regex(
        /^\d+$/,
        `must be an integer from ${FLOWS_LAST_MIN} to ${FLOWS_LAST_MAX}`,
      )
      .transform(Number)
      .pipe(
        z
          .number()
          .int()
          .min(
            FLOWS_LAST_MIN,
            `must be an integer from ${FLOWS_LAST_MIN} to ${FLOWS_LAST_MAX}`,
          )
          .max(
            FLOWS_LAST_MAX,
            `must be an integer from ${FLOWS_LAST_MIN} to ${FLOWS_LAST_MAX}`,
          ),
      )
      .optional(),
    verdict: z
      .enum(VERDICTS as [Verdict, ...Verdict[]], {
        errorMap: () => ({ message: `must be one of ${VERDICTS.join(', ')}` }),
      })
      .optional(),
    policyVerdictsOnly: z
      .enum(['true', 'false'], {
        errorMap: () => ({ message: 'must be true or false' }),
      })
      .transform(v => v === 'true')
      .optional(),
    since: z
      .string({ invalid_type_error: 'must be given once' })
      .datetime({
        offset: true,
        message: 'must be an ISO 8601 date-time, e.g. 2026-11-26T10:00:00Z',
      })
      .refine(validOffsetAndDate, {
        message:
          'must be a real date-time with a UTC offset from -12:00 to +14:00, e.g. 2026-11-26T10:00:00+01:00',
      })
      .optional(),
  })
  .strict();

/**
 * Validates the flows route's query string. Every problem is an InputError
 * (400) naming the parameter and the rule it broke.
 */
export function parseFlowsQuery(query: unknown): FlowsQuery {
  const result = schema.safeParse(query);
  if (!result.success) {
    const messages = result.error.issues.map(issue => {
      if (issue.code === 'unrecognized_keys') {
        return `Unknown query parameter(s) ${issue.keys
          .map(k => `'${k}'`)
          .join(
            ', ',
          )}: allowed are namespace, last, verdict, policyVerdictsOnly, since`;
      }
      return `Invalid query parameter '${issue.path.join('.')}': ${
        issue.message
      }`;
    });
    throw new InputError(messages.join('; '));
  }
  const q = result.data;
  const out: FlowsQuery = { last: q.last ?? FLOWS_LAST_DEFAULT };
  if (q.namespace !== undefined) out.namespace = q.namespace;
  if (q.verdict !== undefined) out.verdict = q.verdict;
  if (q.policyVerdictsOnly !== undefined)
    out.policyVerdictsOnly = q.policyVerdictsOnly;
  if (q.since !== undefined) out.since = new Date(q.since).toISOString();
  return out;
}
