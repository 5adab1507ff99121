/**
 * Unified line diffs of one file, from the `diff` package (Myers' O(ND)
 * algorithm, so a one-line change in a large file stays cheap).
 */
import { structuredPatch } from 'diff';

/**
 * Hunks in unified format (`@@ -a,b +c,d @@`, ` `/`-`/`+` lines, `\ No
 * newline at end of file` where one side lacks it) with `context` lines
 * around each change; empty when the texts are equal.
 */
export function unifiedDiff(
  before: string,
  after: string,
  context = 3,
): string {
  if (before === after) return '';
  const patch = structuredPatch('a', 'b', before, after, '', '', { context });
  const out: string[] = [];
  for (const hunk of patch.hunks) {
    out.push(
      `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`,
      ...hunk.lines,
    );
  }
  return out.length ? `${out.join('\n')}\n` : '';
}
