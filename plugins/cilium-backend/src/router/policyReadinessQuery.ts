import { z } from 'zod';
import type { PolicyReadinessQuery } from '@internal/plugin-cilium-common';
import { fields } from './flowsQuery';
import { parseQuery } from './parseQuery';

/** Longest edge id accepted in `keep` (ids are peers, port and protocol). */
const EDGE_ID_MAX = 1024;
/** Most edge ids one request may keep. */
const KEEP_MAX = 2000;

const keepId = z
  .string()
  .max(EDGE_ID_MAX, `each edge id must be at most ${EDGE_ID_MAX} characters`);

const schema = z
  .object({
    namespace: fields.namespace.nonoptional({
      error: 'is required: the namespace whose readiness to compute',
    }),
    // `keep` once per edge, or once empty for "keep none"; absent keeps all.
    keep: z
      .union([keepId, z.array(keepId)])
      .transform(v => (Array.isArray(v) ? v : [v]))
      .transform(v => v.filter(id => id !== ''))
      .pipe(
        z
          .array(z.string())
          .max(KEEP_MAX, `must name at most ${KEEP_MAX} edges`),
      )
      .optional(),
  })
  .strict();

/**
 * The readiness route's query: `namespace` (required, a DNS-1123 label, the
 * flows routes' rule) and `keep` (edge ids to allow in the proposal).
 * Every problem is an InputError (400) naming the parameter and the rule.
 */
export function parsePolicyReadinessQuery(
  query: unknown,
): PolicyReadinessQuery {
  const q = parseQuery(schema, query);
  const out: PolicyReadinessQuery = { namespace: q.namespace };
  if (q.keep !== undefined) out.keep = [...new Set(q.keep)].sort();
  return out;
}
