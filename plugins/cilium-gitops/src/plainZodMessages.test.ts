import { z } from 'zod';
import { plainZodMessages } from './plainZodMessages';

/** The messages a user reads for `value` against `schema`. */
function messages(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value, { error: plainZodMessages });
  return result.success ? [] : result.error.issues.map(i => i.message);
}

describe('plainZodMessages: the short wording users see in the CLI and the form', () => {
  it('says Required for a missing value and names both types otherwise', () => {
    const schema = z.object({ port: z.number() });
    expect(messages(schema, {})).toEqual(['Required']);
    expect(messages(schema, { port: '80' })).toEqual([
      'Expected number, received string',
    ]);
    expect(messages(schema, { port: null })).toEqual([
      'Expected number, received null',
    ]);
    expect(messages(z.array(z.string()), {})).toEqual([
      'Expected array, received object',
    ]);
  });

  it('states string, list and number bounds with their limit', () => {
    expect(messages(z.string().min(2), 'a')).toEqual([
      'String must contain at least 2 character(s)',
    ]);
    expect(messages(z.array(z.number()).max(1), [1, 2])).toEqual([
      'Array must contain at most 1 element(s)',
    ]);
    expect(messages(z.number().min(1), 0)).toEqual([
      'Number must be greater than or equal to 1',
    ]);
    expect(messages(z.number().lt(10), 10)).toEqual([
      'Number must be less than 10',
    ]);
  });

  it('lists the accepted discriminator values', () => {
    const schema = z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('split') }),
      z.object({ kind: z.literal('addon') }),
    ]);
    expect(messages(schema, { kind: 'other' })).toEqual([
      "Invalid discriminator value. Expected 'split' | 'addon'",
    ]);
  });

  it("leaves a schema's own message alone", () => {
    expect(messages(z.string({ error: 'must be a cluster name' }), 3)).toEqual([
      'must be a cluster name',
    ]);
    expect(messages(z.string().regex(/^a/, 'must start with a'), 'b')).toEqual([
      'must start with a',
    ]);
  });
});
