/**
 * Series colours from the theme's tokens only (they switch with dark mode):
 * verdicts by meaning, anything else from a fixed cycle.
 */
const BY_NAME: Record<string, string> = {
  FORWARDED: 'var(--bui-fg-positive)',
  REDIRECTED: 'var(--bui-fg-announcement)',
  TRANSLATED: 'var(--bui-fg-announcement)',
  TRACED: 'var(--bui-fg-secondary)',
  AUDIT: 'var(--bui-fg-warning)',
  DROPPED: 'var(--bui-fg-negative)',
  ERROR: 'var(--bui-fg-negative)',
};

const CYCLE = [
  'var(--bui-fg-negative)',
  'var(--bui-fg-warning)',
  'var(--bui-fg-announcement)',
  'var(--bui-fg-primary)',
  'var(--bui-fg-secondary)',
];

export function seriesColor(name: string, index: number, byMeaning: boolean) {
  return (byMeaning && BY_NAME[name]) || CYCLE[index % CYCLE.length];
}
