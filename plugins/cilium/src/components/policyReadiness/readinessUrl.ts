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

/**
 * The namespaces of a service-map edge's ends (node ids `<namespace>/<workload>`;
 * reserved identities, FQDNs and IPs have none), each once.
 */
export function edgeNamespaces(edge: {
  source: string;
  destination: string;
}): string[] {
  const ns = (id: string) =>
    /^([a-z0-9]([-a-z0-9]*[a-z0-9])?)\/[^/]+$/.exec(id)?.[1];
  return [
    ...new Set(
      [ns(edge.source), ns(edge.destination)].filter(
        (n): n is string => n !== undefined,
      ),
    ),
  ];
}
