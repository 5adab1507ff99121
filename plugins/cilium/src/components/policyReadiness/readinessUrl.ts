/** The tab's URL parameter naming the readiness section's namespace. */
export const READINESS_NAMESPACE_PARAM = 'readinessNamespace';

/** Anchor of the section on the Cilium tab. */
export const READINESS_SECTION_ANCHOR = 'cilium-section-policy-readiness';

/**
 * A link (relative to the tab) to the readiness section for `namespace`,
 * e.g. from a service-map edge.
 */
export function readinessHref(namespace: string): string {
  const q = new URLSearchParams({ [READINESS_NAMESPACE_PARAM]: namespace });
  return `?${q}#${READINESS_SECTION_ANCHOR}`;
}
