import { InputError } from '@backstage/errors';

/** One problem in a cluster spec: the field path and the rule it broke. */
export interface SpecIssueLike {
  path: string;
  message: string;
}

/** `<path>: <message>`, one per line, in the order the validator gave them. */
export function formatSpecIssues(issues: SpecIssueLike[]): string {
  return issues.map(i => `  - ${i.path || '(root)'}: ${i.message}`).join('\n');
}

/** An InputError whose message names every field and rule. */
export function specInputError(
  issues: SpecIssueLike[],
  source?: string,
): InputError {
  const where = source ? ` in ${source}` : '';
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  return new InputError(
    `Invalid cluster spec${where} (${count}):\n${formatSpecIssues(issues)}`,
  );
}
