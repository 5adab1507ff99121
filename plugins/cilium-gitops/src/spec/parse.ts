/**
 * Entry points: untrusted input → {@link ClusterSpec} or every problem with
 * its field path.
 */
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { plainZodMessages } from '../plainZodMessages';
import { ClusterSpecError, toSpecIssues } from './errors';
import { sizeIssues } from './limits';
import { semanticIssues } from './rules';
import { clusterSpecSchema } from './schema';
import type {
  ClusterSpec,
  ParseOptions,
  SpecIssue,
  SpecValidationResult,
} from './types';
import { defaultCiliumVersion } from './version';

/** A copy of `doc` without the fields zod reported as unknown. */
function withoutUnknownKeys(doc: unknown, error: z.ZodError): unknown {
  const copy = structuredClone(doc);
  for (const issue of error.issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    let target: any = copy;
    for (const part of issue.path) target = target?.[part];
    for (const key of issue.keys) delete target?.[key];
  }
  return copy;
}

/**
 * Schema problems, and the cross-field ones too when the only schema
 * problems are unknown fields (a pasted secret should not hide an overlap).
 */
export function validateClusterSpec(
  doc: unknown,
  options: ParseOptions = {},
): SpecValidationResult {
  // Size caps first: the schema and the rules below are not linear in size.
  const tooBig = sizeIssues(doc);
  if (tooBig.length) return { ok: false, issues: tooBig };
  const result = clusterSpecSchema.safeParse(doc, {
    error: plainZodMessages,
  });
  if (!result.success) {
    const issues = toSpecIssues(result.error, clusterSpecSchema, doc);
    const onlyUnknown = result.error.issues.every(
      i => i.code === 'unrecognized_keys',
    );
    const rest = onlyUnknown
      ? validateClusterSpec(withoutUnknownKeys(doc, result.error), options)
      : undefined;
    return {
      ok: false,
      issues: rest && !rest.ok ? [...issues, ...rest.issues] : issues,
    };
  }
  const parsed = result.data;
  const spec: ClusterSpec = {
    ...parsed,
    spec: {
      ...parsed.spec,
      cilium: {
        version:
          parsed.spec.cilium.version?.replace(/^v/, '') ??
          defaultCiliumVersion(options.ciliumVersions),
      },
    },
  };
  const issues = semanticIssues(spec, options.ciliumVersions);
  return issues.length ? { ok: false, issues } : { ok: true, spec };
}

/** Like {@link validateClusterSpec}, but throws a {@link ClusterSpecError} listing every issue. */
export function parseClusterSpec(
  doc: unknown,
  options?: ParseOptions,
): ClusterSpec {
  const result = validateClusterSpec(doc, options);
  if (!result.ok) throw new ClusterSpecError(result.issues);
  return result.spec;
}

/** YAML syntax errors, one issue each, with line and column. */
export function yamlIssues(text: string): {
  doc: unknown;
  issues: SpecIssue[];
} {
  const document = parseDocument(text);
  if (document.errors.length) {
    return {
      doc: undefined,
      issues: document.errors.map(error => {
        const pos = error.linePos?.[0];
        const where = pos
          ? `line ${pos.line}, column ${pos.col}`
          : '(document)';
        return {
          path: where,
          message: `invalid YAML: ${error.message
            .split('\n')[0]
            .replace(/ at line \d+, column \d+:?$/, '')}`,
        };
      }),
    };
  }
  return { doc: document.toJS(), issues: [] };
}

export function validateClusterSpecYaml(
  text: string,
  options?: ParseOptions,
): SpecValidationResult {
  const { doc, issues } = yamlIssues(text);
  if (issues.length) return { ok: false, issues };
  return validateClusterSpec(doc, options);
}

export function parseClusterSpecYaml(
  text: string,
  options?: ParseOptions,
): ClusterSpec {
  const result = validateClusterSpecYaml(text, options);
  if (!result.ok) throw new ClusterSpecError(result.issues);
  return result.spec;
}
