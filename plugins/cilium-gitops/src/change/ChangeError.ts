import type { SpecIssue } from '../spec/types';

/** A refused change: every problem names its field (`spec.…` or `cluster.yaml`). */
export class ChangeError extends Error {
  readonly issues: SpecIssue[];

  constructor(issues: SpecIssue[]) {
    const count =
      issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    super(
      [
        `change refused (${count}):`,
        ...issues.map(i => `  ${i.path}: ${i.message}`),
      ].join('\n'),
    );
    this.name = 'ChangeError';
    this.issues = issues;
  }
}
