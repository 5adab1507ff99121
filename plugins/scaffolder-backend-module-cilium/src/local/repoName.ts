import path from 'node:path';
import { InputError } from '@backstage/errors';
import { isDns1123Label } from '@internal/plugin-cilium-common';

/** Throws an InputError unless `name` is a DNS-1123 label (≤ 63 chars). */
export function assertRepoName(name: string): void {
  if (!isDns1123Label(name)) {
    throw new InputError(
      `repoName: "${name}" is not a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters)`,
    );
  }
}

/** `<baseDir>/<repoName>.git`, after validating the name. */
export function bareRepoPath(baseDir: string, repoName: string): string {
  assertRepoName(repoName);
  return path.join(baseDir, `${repoName}.git`);
}
