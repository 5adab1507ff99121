/**
 * zod's built-in messages in the short wording users of this project see in
 * the CLI, the scaffolder and the catalog errors (the wording of zod 3, e.g.
 * `Required`, `Expected number, received string`), instead of zod 4's
 * `Invalid input: expected number, received string`. Passed per parse
 * (`safeParse(x, { error: plainZodMessages })`), so a schema's own
 * `error:` still wins and zod's global configuration, shared with
 * Backstage's packages, is left alone.
 */
import type { z } from 'zod';

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'nan';
  return typeof value;
}

function expectedName(expected: string): string {
  return expected === 'int' ? 'integer' : expected;
}

function sizeMessage(
  issue: { origin: string; inclusive?: boolean },
  bound: 'least' | 'most',
  size: number | bigint,
): string | undefined {
  if (issue.origin === 'string')
    return `String must contain at ${bound} ${size} character(s)`;
  if (issue.origin === 'array')
    return `Array must contain at ${bound} ${size} element(s)`;
  if (issue.origin === 'number') {
    const than = bound === 'least' ? 'greater' : 'less';
    return issue.inclusive
      ? `Number must be ${than} than or equal to ${size}`
      : `Number must be ${than} than ${size}`;
  }
  return undefined;
}

export const plainZodMessages: z.core.$ZodErrorMap = issue => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? 'Required'
        : `Expected ${expectedName(issue.expected)}, received ${typeName(
            issue.input,
          )}`;
    case 'too_small':
      return sizeMessage(issue, 'least', issue.minimum);
    case 'too_big':
      return sizeMessage(issue, 'most', issue.maximum);
    case 'invalid_union':
      if (issue.discriminator !== undefined && 'options' in issue) {
        const options = (issue.options ?? []) as unknown[];
        return `Invalid discriminator value. Expected ${options
          .map(o => `'${String(o)}'`)
          .join(' | ')}`;
      }
      return undefined;
    default:
      return undefined;
  }
};
