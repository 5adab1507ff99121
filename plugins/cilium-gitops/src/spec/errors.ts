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
export function formatPath(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
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
  schema: z.ZodTypeAny,
  path: ReadonlyArray<string | number>,
): string[] {
  let current: z.ZodTypeAny | undefined = schema;
  const unwrap = (s: z.ZodTypeAny): z.ZodTypeAny => {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable)
      return unwrap(s.unwrap());
    if (s instanceof z.ZodDefault) return unwrap(s._def.innerType);
    if (s instanceof z.ZodEffects) return unwrap(s.innerType());
    return s;
  };
  for (const part of path) {
    if (!current) return [];
    const s = unwrap(current);
    if (s instanceof z.ZodObject && typeof part === 'string')
      current = s.shape[part];
    else if (s instanceof z.ZodArray) current = s.element;
    else return [];
  }
  const last = current ? unwrap(current) : undefined;
  return last instanceof z.ZodObject ? Object.keys(last.shape) : [];
}

function valueAt(doc: unknown, path: ReadonlyArray<string | number>): unknown {
  let current: unknown = doc;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[part];
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
  schema: z.ZodTypeAny,
  doc: unknown,
): SpecIssue[] {
  const issues: SpecIssue[] = [];
  for (const issue of error.issues) {
    const path = issue.path;
    switch (issue.code) {
      case z.ZodIssueCode.unrecognized_keys: {
        const known = knownKeys(schema, path);
        for (const key of issue.keys) {
          issues.push({
            path: formatPath([...path, key]),
            message: unknownFieldMessage(key, known),
          });
        }
        break;
      }
      case z.ZodIssueCode.invalid_type: {
        const message = invalidTypeMessage(issue, valueAt(doc, path));
        issues.push({ path: formatPath(path), message });
        break;
      }
      case z.ZodIssueCode.invalid_literal:
        issues.push({
          path: formatPath(path),
          message: `must be ${JSON.stringify(issue.expected)}, got ${
            JSON.stringify(issue.received) ?? 'nothing'
          }`,
        });
        break;
      case z.ZodIssueCode.invalid_enum_value:
        issues.push({
          path: formatPath(path),
          message: `${JSON.stringify(
            issue.received,
          )} is not one of ${issue.options.join(', ')}`,
        });
        break;
      case z.ZodIssueCode.invalid_string:
        issues.push({
          path: formatPath(path),
          message: `${JSON.stringify(valueAt(doc, path))} ${issue.message}`,
        });
        break;
      case z.ZodIssueCode.too_small:
        issues.push({
          path: formatPath(path),
          message: issue.message.startsWith('String must')
            ? 'must not be empty'
            : issue.message,
        });
        break;
      default:
        issues.push({ path: formatPath(path), message: issue.message });
    }
  }
  return issues;
}

function invalidTypeMessage(
  issue: z.ZodInvalidTypeIssue & { message: string },
  value: unknown,
): string {
  if (issue.path.length === 0 && (value === undefined || value === null)) {
    return `is empty; expected a ClusterSpec (apiVersion ${CLUSTER_SPEC_API_VERSION})`;
  }
  if (value === undefined) return 'is required';
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
  };
  return names[expected] ?? `a ${expected}`;
}
