import type { Verdict } from '@internal/plugin-cilium-common';

/**
 * Every colour the plugin draws with, as an @backstage/ui CSS token. Each
 * token is defined twice in @backstage/ui's `dist/css/styles.css` (0.20):
 * under `:root, [data-theme-mode='light']` and under
 * `[data-theme-mode='dark']`, which Backstage's theme provider sets on
 * <body> (`useApplyThemeAttributes` in @backstage/theme), so everything here
 * follows the user's light/dark choice. No colour literal anywhere else
 * (`colors.test.ts` scans the sources).
 */
const token = (name: string) => `var(--bui-${name})`;

/** Meaning → colour for text, strokes and marks. */
export const tone = {
  /** light #1aaf4f, dark #1ed760 */
  positive: token('fg-success'),
  /** light #ec3b18, dark #ff5a30 */
  negative: token('fg-danger'),
  /** light and dark #f18900 */
  warning: token('fg-warning'),
  /** light #0d74ce, dark #70b8ff */
  info: token('fg-info'),
  /** light #696969, dark #a3a3a3 */
  muted: token('fg-secondary'),
  /** light black, dark white */
  strong: token('fg-primary'),
} as const;

/** Areas: the page, cards and raised shapes drawn on a card. */
export const surface = {
  /** light #f5f5f5, dark #333333 */
  app: token('bg-app'),
  /** the card itself: light white, dark #424141 */
  card: token('bg-neutral-1'),
  /** a shape on a card: light #f7f7f7, dark #504f4f */
  raised: token('bg-neutral-2'),
  /** intent backgrounds: light #dcfce7 / #ffedd5 / #ffe2e2, dark #042713 / #302008 / #300c0c */
  positive: token('bg-success'),
  warning: token('bg-warning'),
  negative: token('bg-danger'),
  info: token('bg-info'),
} as const;

/** Lines: borders, outlines, grid. */
export const line = {
  /** light #e5e5e5 (gray-3), dark #737373 (gray-6) */
  subtle: token('border-1'),
  /** light #737373 (gray-6), dark #a1a1a1 (gray-5) */
  strong: token('border-2'),
  info: token('border-info'),
  positive: token('border-success'),
  negative: token('border-danger'),
} as const;

/**
 * The track behind a bar drawn on a card. `bg-neutral-3` is white in the
 * light theme (the card's own colour, so the track vanished); `border-1` is
 * light #e5e5e5 on a white card and dark #737373 on a #424141 card, visible
 * in both.
 */
export const barTrack = line.subtle;

/** Hubble verdicts by meaning, the same in the flows table, charts and map. */
export const VERDICT_COLORS: Record<Verdict, string> = {
  VERDICT_UNKNOWN: tone.muted,
  FORWARDED: tone.positive,
  DROPPED: tone.negative,
  ERROR: tone.negative,
  AUDIT: tone.warning,
  REDIRECTED: tone.info,
  TRACED: tone.muted,
  TRANSLATED: tone.info,
};

/**
 * Distinct colours for things without a meaning (backends of a route,
 * series of a chart), in order. `bg-solid` is light #1f5493, dark #9cc9ff.
 */
export const CATEGORICAL: readonly string[] = [
  tone.info,
  tone.positive,
  tone.warning,
  tone.negative,
  token('bg-solid'),
  tone.muted,
  tone.strong,
];

export const categorical = (index: number) =>
  CATEGORICAL[index % CATEGORICAL.length];
