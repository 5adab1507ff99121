/** `git diff`-style text for the files a change touches. */
import { unifiedDiff } from '../render/lineDiff';
import type { ChangedFile } from './types';

export function filePatch(
  path: string,
  before: string | undefined,
  after: string | undefined,
): ChangedFile {
  const status = fileStatus(before, after);
  const header = [
    `diff --git a/${path} b/${path}`,
    ...(status === 'added' ? ['new file mode 100644'] : []),
    ...(status === 'removed' ? ['deleted file mode 100644'] : []),
    `--- ${before === undefined ? '/dev/null' : `a/${path}`}`,
    `+++ ${after === undefined ? '/dev/null' : `b/${path}`}`,
  ].join('\n');
  return {
    path,
    status,
    patch: `${header}\n${unifiedDiff(before ?? '', after ?? '')}`,
  };
}

function fileStatus(
  before: string | undefined,
  after: string | undefined,
): ChangedFile['status'] {
  if (before === undefined) return 'added';
  return after === undefined ? 'removed' : 'modified';
}

/** git's summary line: `2 files changed, 3 insertions(+), 3 deletions(-)`. */
export function diffSummary(files: ChangedFile[]): string {
  let insertions = 0;
  let deletions = 0;
  for (const file of files) {
    for (const line of file.patch.split('\n')) {
      if (line.startsWith('+') && !line.startsWith('+++ ')) insertions++;
      else if (line.startsWith('-') && !line.startsWith('--- ')) deletions++;
    }
  }
  const n = files.length;
  const parts = [`${n} ${n === 1 ? 'file' : 'files'} changed`];
  if (insertions)
    parts.push(`${insertions} insertion${insertions === 1 ? '' : 's'}(+)`);
  if (deletions)
    parts.push(`${deletions} deletion${deletions === 1 ? '' : 's'}(-)`);
  return parts.join(', ');
}
