import { InputError } from '@backstage/errors';
import {
  formatSpecIssues,
  type SpecIssue,
} from '@internal/plugin-cilium-common';

/** One problem in a cluster spec (the type lives in cilium-common). */
export type SpecIssueLike = SpecIssue;

/** An InputError whose message names every field and rule, as the CLI prints them. */
export function specInputError(
  issues: SpecIssueLike[],
  source?: string,
): InputError {
  return new InputError(formatSpecIssues(issues, source));
}
