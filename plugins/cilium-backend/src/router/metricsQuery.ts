import {
  METRICS_RANGE_DEFAULT,
  METRICS_RANGES,
  MetricsRange,
} from '@internal/plugin-cilium-common';
import { z } from 'zod';
import { parseQuery } from './parseQuery';

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
  const { range } = parseQuery(schema, query);
  return {
    range: (range as MetricsRange | undefined) ?? METRICS_RANGE_DEFAULT,
  };
}
