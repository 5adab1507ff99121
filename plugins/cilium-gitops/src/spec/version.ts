/** The default Cilium version of a spec. */
import type { CiliumVersionPins } from './types';
import { SUPPORTED_CILIUM_MINORS } from './types';

/**
 * The newest pinned patch of the newest supported minor that has pins; with
 * no pins known (stand-alone validation), the newest supported minor, which
 * the renderer resolves to its newest pinned patch.
 */
export function defaultCiliumVersion(pins?: CiliumVersionPins): string {
  const minors = [...SUPPORTED_CILIUM_MINORS].reverse();
  for (const minor of minors) {
    const patches = pins?.[minor];
    if (patches?.length) return patches[patches.length - 1];
  }
  return minors[0];
}
