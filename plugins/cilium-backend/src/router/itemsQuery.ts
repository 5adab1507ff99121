import {
  ITEMS_LIMIT_DEFAULT,
  ITEMS_LIMIT_MAX,
  ITEMS_QUERY_MAX_LENGTH,
  ItemsQuery,
} from '@internal/plugin-cilium-common';
import { z } from 'zod';
import { parseQuery } from './parseQuery';

/** Largest accepted offset: far beyond any cluster's object count. */
const OFFSET_MAX = 1_000_000;

const integer = (min: number, max: number) => {
  const rule = `must be an integer from ${min} to ${max}`;
  return z
    .string({ error: 'must be given once' })
    .regex(/^\d{1,7}$/, rule)
    .transform(Number)
    .pipe(z.number().int().min(min, rule).max(max, rule));
};

const schema = z
  .object({
    q: z
      .string({ error: 'must be given once' })
      .max(
        ITEMS_QUERY_MAX_LENGTH,
        `must be at most ${ITEMS_QUERY_MAX_LENGTH} characters`,
      )
      .optional(),
    offset: integer(0, OFFSET_MAX).optional(),
    limit: integer(1, ITEMS_LIMIT_MAX).optional(),
  })
  .strict();

/**
 * Validates the query string of the paged routes (Gateways, HTTPRoutes).
 * Every problem is an InputError (400) naming the parameter and the rule.
 */
export function parseItemsQuery(query: unknown): ItemsQuery {
  const { q, offset, limit } = parseQuery(schema, query);
  const out: ItemsQuery = {
    offset: offset ?? 0,
    limit: limit ?? ITEMS_LIMIT_DEFAULT,
  };
  const trimmed = q?.trim();
  if (trimmed) out.q = trimmed;
  return out;
}
