import { InputError } from '@backstage/errors';
import { z } from 'zod';

/**
 * Parses a route's query string with a strict zod object `schema`; every
 * problem becomes one InputError (400) naming the parameter and the rule,
 * and unknown parameters are listed with the allowed ones.
 */
export function parseQuery<S extends z.ZodTypeAny>(
  schema: S,
  query: unknown,
): z.output<S> {
  const result = schema.safeParse(query);
  if (result.success) return result.data;
  const keys = Object.keys((schema as any).shape);
  const allowed = `${keys.length === 1 ? 'is' : 'are'} ${keys.join(', ')}`;
  const messages = result.error.issues.map(issue => {
    if (issue.code === 'unrecognized_keys') {
      return `Unknown query parameter(s) ${issue.keys
        .map(k => `'${k}'`)
        .join(', ')}: allowed ${allowed}`;
    }
    return `Invalid query parameter '${issue.path.join('.')}': ${
      issue.message
    }`;
  });
  throw new InputError(messages.join('; '));
}
