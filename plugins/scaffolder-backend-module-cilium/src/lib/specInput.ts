import fs from 'node:fs';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import yaml from 'yaml';

/**
 * A copy of `value` without object keys whose value is `null`. Templates use
 * `null` for optional sections the user left out (for example
 * `router: ${{ parameters.router if parameters.withRouter else null }}`), and
 * the spec treats them as absent. Array items are kept as they are.
 */
export function dropNullFields(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(v =>
      v !== null && typeof v === 'object' ? dropNullFields(v) : v,
    );
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => [k, dropNullFields(v)]),
    );
  }
  return value;
}

/** Reads and parses a YAML cluster spec from a path inside the workspace. */
export async function readSpecFromWorkspace(
  workspacePath: string,
  specPath: string,
): Promise<unknown> {
  const file = resolveSafeChildPath(workspacePath, specPath);
  let text: string;
  try {
    text = await fs.promises.readFile(file, 'utf8');
  } catch (e) {
    throw new InputError(
      `specPath: cannot read ${specPath} in the workspace (${
        (e as NodeJS.ErrnoException).code ?? String(e)
      })`,
    );
  }
  const doc = yaml.parseDocument(text);
  if (doc.errors.length > 0) {
    throw new InputError(
      `specPath: ${specPath} is not valid YAML: ${doc.errors[0].message}`,
    );
  }
  return doc.toJS();
}
