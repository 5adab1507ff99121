import { InputError } from '@backstage/errors';
import {
  METRICS_RANGE_DEFAULT,
  METRICS_RANGES,
  MetricsRange,
} from '@internal/plugin-cilium-common';
import { z } from 'zod';

const schema = z
  .object({
    range: z
      .string({ error: 'must be given once' })
      .refine(
        (v): v is MetricsRange =>
          (METRICS_RANGES as readonly string[]).includes(v),
        `must be one of ${METRICS_RANGES.join(', ')}`,
      )
      .optional(),
  })
  .strict();

/**
 * Validates the metrics route's query string: only `range`, one of the
 * fixed ranges. Every problem is an InputError (400) naming the parameter
 * and the rule.
 */
export function parseMetricsQuery(query: unknown): { range: MetricsRange } {
  const result = schema.safeParse(query);
  if (!result.success) {
    const messages = result.error.issues.map(issue =>
      issue.code === 'unrecognized_keys'
        ? `Unknown query parameter(s) ${issue.keys
            .map(k => `'${k}'`)
            .join(', ')}: allowed is range`
        : `Invalid query parameter '${issue.path.join('.')}': ${issue.message}`,
    );
    throw new InputError(messages.join('; '));
  }
  return {
    range: (result.data.range as MetricsRange) ?? METRICS_RANGE_DEFAULT,
  };
}
