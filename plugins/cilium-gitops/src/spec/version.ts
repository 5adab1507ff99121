/** Cilium version resolution: `1.20` → newest pinned patch, `v1.20.3` → `1.20.3`. */
import type { CiliumVersionPins } from './types';
import { SUPPORTED_CILIUM_MINORS } from './types';

export function ciliumMinorOf(version: string): string {
  return version.replace(/^v/, '').split('.').slice(0, 2).join('.');
}

/** Newest supported minor that has pins, or the newest supported minor. */
export function defaultCiliumVersion(pins?: CiliumVersionPins): string {
  const minors = [...SUPPORTED_CILIUM_MINORS].reverse();
  for (const minor of minors) {
    const patches = pins?.[minor];
    if (patches?.length) return patches[patches.length - 1];
  }
  return minors[0];
}

/**
 * The full patch version to install. A bare minor resolves to its newest
 * pinned patch; throws when the catalog pins nothing for it.
 */
export function resolveCiliumVersion(version: string, pins: CiliumVersionPins): string {
  const clean = version.replace(/^v/, '');
  const minor = ciliumMinorOf(clean);
  if (clean !== minor) return clean;
  const patches = pins[minor];
  if (!patches?.length) {
    throw new Error(`the addon catalog pins no Cilium ${minor} patch`);
  }
  return patches[patches.length - 1];
}
