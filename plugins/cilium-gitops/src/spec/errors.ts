/**
 * Spec errors as the user sees them: `<field path>: <rule>`. Zod issues are
 * translated here; values of unknown fields are never echoed (they may be
 * pasted secrets).
 */
import { formatSpecIssues } from '@internal/plugin-cilium-common';
import { z } from 'zod';
import { CLUSTER_SPEC_API_VERSION, type SpecIssue } from './types';

export class ClusterSpecError extends Error {
  readonly issues: SpecIssue[];

  constructor(issues: SpecIssue[]) {
    super(formatIssues(issues));
    this.name = 'ClusterSpecError';
    this.issues = issues;
  }
}

/** The one spec-issue formatter, from cilium-common. */
export function formatIssues(issues: SpecIssue[]): string {
  return formatSpecIssues(issues);
}

/** `['spec','bgp','peers',0,'asn']` → `spec.bgp.peers[0].asn`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'symbol') out += `[${String(part)}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(part))
      out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out || '(document)';
}

const SECRETISH =
  /secret|password|passwd|token|credential|private|apikey|api_key|tsig(?!keyname|algorithm)/i;

function unknownFieldMessage(key: string, known: string[]): string {
  const lower = key.toLowerCase();
  const similar = known.find(
    candidate =>
      candidate.toLowerCase() === lower ||
      (candidate.length > 3 &&
        editDistance(candidate.toLowerCase(), lower) <= 2),
  );
  if (SECRETISH.test(key)) {
    const refs = known.filter(k => k.endsWith('SecretRef'));
    const hint = refs.length ? ` (here: ${refs.join(', ')})` : '';
    return `unknown field; the spec never holds secret values, reference a Secret with {name, key}${hint}`;
  }
  if (similar) return `unknown field (did you mean ${similar}?)`;
  return known.length
    ? `unknown field (allowed: ${known.join(', ')})`
    : 'unknown field';
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(
        row[j] + 1,
        row[j - 1] + 1,
        prev + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      prev = current;
    }
  }
  return row[b.length];
}

/** The field names of the object schema at `path`, for "did you mean". */
function knownKeys(
  schema: z.ZodType,
  path: ReadonlyArray<PropertyKey>,
): string[] {
  let current: z.ZodType | undefined = schema;
  const unwrap = (s: z.ZodType): z.ZodType => {
    if (
      s instanceof z.ZodOptional ||
      s instanceof z.ZodNullable ||
      s instanceof z.ZodDefault ||
      s instanceof z.ZodPrefault
    )
      return unwrap(s.def.innerType as z.ZodType);
    if (s instanceof z.ZodPipe) return unwrap(s.def.out as z.ZodType);
    return s;
  };
  for (const part of path) {
    if (!current) return [];
    const s = unwrap(current);
    if (s instanceof z.ZodObject && typeof part === 'string')
      current = s.shape[part] as z.ZodType | undefined;
    else if (s instanceof z.ZodArray) current = s.element as z.ZodType;
    else return [];
  }
  const last = current ? unwrap(current) : undefined;
  return last instanceof z.ZodObject ? Object.keys(last.shape) : [];
}

function valueAt(doc: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current: unknown = doc;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}

/** Translates zod issues into user-facing {@link SpecIssue}s, in document order. */
export function toSpecIssues(
  error: z.ZodError,
  schema: z.ZodType,
  doc: unknown,
): SpecIssue[] {
  return error.issues.flatMap(issue => toSpecIssue(issue, schema, doc));
}

function toSpecIssue(
  issue: z.core.$ZodIssue,
  schema: z.ZodType,
  doc: unknown,
): SpecIssue[] {
  const path = issue.path;
  const at = (message: string) => [{ path: formatPath(path), message }];
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeys(schema, path);
      return issue.keys.map(key => ({
        path: formatPath([...path, key]),
        message: unknownFieldMessage(key, known),
      }));
    }
    case 'invalid_key':
      // a record key's own rule, at the key's path (zod 4 wraps it)
      return issue.issues.flatMap(inner =>
        toSpecIssue({ ...inner, path: [...path, ...inner.path] }, schema, doc),
      );
    case 'invalid_type':
      return at(invalidTypeMessage(issue, valueAt(doc, path)));
    case 'invalid_value': {
      const value = valueAt(doc, path);
      if (issue.values.length === 1) {
        return at(
          `must be ${JSON.stringify(issue.values[0])}, got ${
            JSON.stringify(value) ?? 'nothing'
          }`,
        );
      }
      return at(
        `${JSON.stringify(value)} is not one of ${issue.values.join(', ')}`,
      );
    }
    case 'invalid_format':
      return at(`${JSON.stringify(valueAt(doc, path))} ${issue.message}`);
    case 'too_small':
      return at(
        issue.message.startsWith('String must')
          ? 'must not be empty'
          : issue.message,
      );
    default:
      return at(issue.message);
  }
}

function invalidTypeMessage(
  issue: z.core.$ZodIssueInvalidType,
  value: unknown,
): string {
  if (issue.path.length === 0 && (value === undefined || value === null)) {
    return `is empty; expected a ClusterSpec (apiVersion ${CLUSTER_SPEC_API_VERSION})`;
  }
  if (value === undefined) return 'is required';
  // a schema's own message (`error:`) rather than zod's (`plainZodMessages`)
  if (issue.message !== 'Required' && !issue.message.startsWith('Expected')) {
    return issue.message;
  }
  return `must be ${article(issue.expected)}, got ${describeType(value)}`;
}

function article(expected: string): string {
  const names: Record<string, string> = {
    object: 'a mapping',
    array: 'a list',
    integer: 'an integer',
    int: 'an integer',
  };
  return names[expected] ?? `a ${expected}`;
}
