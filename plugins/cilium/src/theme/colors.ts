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
/**
 * Meaning → colour for text, strokes and marks. Only BUI's current tokens:
 * `fg-success`/`fg-danger`/`fg-info` and the `bg-success`-style intents are
 * deprecated (@backstage/eslint-plugin `no-deprecated-bui-tokens`).
 */
export const tone = {
  /** light #1abc54, dark #21b656 */
  positive: 'var(--bui-fg-positive)',
  /** light and dark #ee3a4c */
  negative: 'var(--bui-fg-negative)',
  /** light and dark #f18900 */
  warning: 'var(--bui-fg-warning)',
  /** light and dark #2a86f3 */
  info: 'var(--bui-fg-announcement)',
  /** light #696969, dark #a3a3a3 */
  muted: 'var(--bui-fg-secondary)',
  /** light black, dark white */
  strong: 'var(--bui-fg-primary)',
} as const;

/**
 * Meaning → colour for words on a card, legible in both themes (the `fg-*`
 * tones are for strokes: dark `fg-negative` #ee3a4c on a #424141 card is
 * 2.6:1). negative light #991919, dark #fca5a5; warning light #aa4d00,
 * dark #f2ab4a.
 */
export const textTone = {
  positive: 'var(--bui-positive-fg-subdued)',
  negative: 'var(--bui-negative-fg-subdued)',
  warning: 'var(--bui-warning-fg-subdued)',
  info: 'var(--bui-announcement-fg-subdued)',
  muted: tone.muted,
} as const;

/** Areas: the page, cards and shapes drawn on a card. */
export const surface = {
  /** light #f5f5f5, dark #333333 */
  app: 'var(--bui-bg-app)',
  /** the card itself: light white, dark #424141 */
  card: 'var(--bui-bg-neutral-1)',
  /** a shape on a card: light #f7f7f7, dark #504f4f */
  raised: 'var(--bui-bg-neutral-2)',
  /** light #96f0b6, dark #073116 */
  positive: 'var(--bui-positive-bg-subdued)',
  /** light #ffedd5, dark #491e00 */
  warning: 'var(--bui-warning-bg-subdued)',
  /** light #ffcbcb, dark #350708 */
  negative: 'var(--bui-negative-bg-subdued)',
  /** light #c8e0fc, dark #052a56 */
  info: 'var(--bui-announcement-bg-subdued)',
} as const;

/** Lines: borders, outlines, grid. */
export const line = {
  /** light #e5e5e5 (gray-3), dark #737373 (gray-6) */
  subtle: 'var(--bui-border-1)',
  /** light #737373 (gray-6), dark #a1a1a1 (gray-5) */
  strong: 'var(--bui-border-2)',
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

/** Verdicts as words (the flows table). */
export const VERDICT_TEXT_COLORS: Record<Verdict, string> = {
  VERDICT_UNKNOWN: textTone.muted,
  FORWARDED: textTone.positive,
  DROPPED: textTone.negative,
  ERROR: textTone.negative,
  AUDIT: textTone.warning,
  REDIRECTED: textTone.info,
  TRACED: textTone.muted,
  TRANSLATED: textTone.info,
};

/**
 * Distinct colours for things without a meaning (backends of a route,
 * series of a chart), in order. `accent-bg` is light #1f5493, dark #9cc9ff.
 */
export const CATEGORICAL: readonly string[] = [
  tone.info,
  tone.positive,
  tone.warning,
  tone.negative,
  'var(--bui-accent-bg)',
  tone.muted,
  tone.strong,
];

export const categorical = (index: number) =>
  CATEGORICAL[index % CATEGORICAL.length];
