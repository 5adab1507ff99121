/**
 * Series colours from the theme's tokens only (they switch with dark mode):
 * verdicts by meaning, anything else from a fixed cycle.
 */
const BY_NAME: Record<string, string> = {
  FORWARDED: 'var(--bui-fg-success)',
  REDIRECTED: 'var(--bui-fg-info)',
  TRANSLATED: 'var(--bui-fg-info)',
  TRACED: 'var(--bui-fg-secondary)',
  AUDIT: 'var(--bui-fg-warning)',
  DROPPED: 'var(--bui-fg-danger)',
  ERROR: 'var(--bui-fg-danger)',
};

const CYCLE = [
  'var(--bui-fg-danger)',
  'var(--bui-fg-warning)',
  'var(--bui-fg-info)',
  'var(--bui-fg-primary)',
  'var(--bui-fg-secondary)',
];

export function seriesColor(name: string, index: number, byMeaning: boolean) {
  return (byMeaning && BY_NAME[name]) || CYCLE[index % CYCLE.length];
}
