import { categorical, VERDICT_COLORS } from '../../theme/colors';

/**
 * Series colours from the theme's tokens only (they switch with dark mode):
 * verdicts by meaning, anything else from the categorical cycle.
 */
export function seriesColor(name: string, index: number, byMeaning: boolean) {
  return (
    (byMeaning && (VERDICT_COLORS as Record<string, string>)[name]) ||
    categorical(index)
  );
}
