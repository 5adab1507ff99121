import type { FlowsSummary } from '@internal/plugin-cilium-common';

/** Filled in with the service map: undefined until then. */
export async function measureMapInteractive(
  _summary: FlowsSummary,
): Promise<number | undefined> {
  return undefined;
}
