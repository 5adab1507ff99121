/**
 * The add-on dependency table: which spec switch renders which add-on of
 * the catalog (gitops/addons/<id>), and which switched-on part needs which
 * other part. The spec rules (cilium-gitops spec/rules/dependencies.ts),
 * the renderer (enabledAddonIds) and the template form's add-on
 * descriptions (checked by a test) all derive from it. Fields are paths
 * below the spec's `spec:`; a field is "on" when it is `true` or a
 * settings section that is present.
 */

/** An add-on of the catalog and the field that switches it on (none: always). */
export interface AddonComponent {
  id: string;
  when?: string;
}

/** In render order (the order of the root Application's children). */
export const ADDON_COMPONENTS: readonly AddonComponent[] = [
  { id: 'argo-cd' },
  { id: 'gateway-api-crds' },
  { id: 'prometheus-operator-crds' },
  { id: 'cilium' },
  { id: 'cilium-config' },
  { id: 'cert-manager', when: 'addons.certManager' },
  { id: 'openebs', when: 'addons.openebs' },
  { id: 'external-dns', when: 'addons.externalDNS' },
  { id: 'cert-manager-issuers', when: 'addons.certManager' },
  { id: 'kube-prometheus-stack', when: 'addons.observability' },
  { id: 'hubble-ui-ingress', when: 'observability' },
  { id: 'tempo', when: 'addons.observability' },
  { id: 'opentelemetry-operator', when: 'addons.observability' },
  { id: 'otel-collector', when: 'addons.observability' },
  { id: 'bookinfo', when: 'demoApps.bookinfo' },
  { id: 'echo', when: 'demoApps.echo' },
  { id: 'jobs-app', when: 'demoApps.jobsApp' },
];

/** `who` (when on) needs `what` (on), because `why`. */
export interface AddonNeed {
  who: string;
  /** How an error names `who`, when not by its field. */
  whoLabel?: string;
  what: string;
  why: string;
}

export const ADDON_NEEDS: readonly AddonNeed[] = [
  {
    who: 'addons.externalDNS',
    what: 'dns.rfc2136',
    why: 'ExternalDNS updates records over RFC2136',
  },
  {
    who: 'addons.certManager',
    what: 'tls',
    why: 'the ACME ClusterIssuer is rendered from it',
  },
  {
    who: 'addons.certManager',
    what: 'dns.rfc2136',
    why: 'the ClusterIssuer solves DNS-01 challenges over RFC2136',
  },
  {
    who: 'addons.observability',
    what: 'observability',
    why: 'Grafana and Hubble UI host names and the Grafana admin Secret',
  },
  {
    who: 'addons.observability',
    what: 'addons.openebs',
    why: 'persistent volumes for Prometheus, Grafana and Tempo',
  },
  {
    who: 'addons.observability',
    what: 'addons.certManager',
    why: 'TLS for Grafana and the OpenTelemetry operator webhook',
  },
  {
    who: 'observability',
    whoLabel: 'observability.hubbleUIHost',
    what: 'addons.certManager',
    why: 'the TLS certificate of the Hubble UI Ingress',
  },
  {
    who: 'demoApps.bookinfo',
    what: 'addons.certManager',
    why: 'the certificates of its TLS Gateway',
  },
  {
    who: 'demoApps.jobsApp',
    what: 'addons.observability',
    why: 'it sends traces to the OpenTelemetry collector',
  },
];

/** Is `field` (a path below `spec:`) on: `true`, or a present section? */
export function isOn(specBody: object, field: string): boolean {
  let value: unknown = specBody;
  for (const key of field.split('.')) {
    if (value === null || typeof value !== 'object') return false;
    value = (value as Record<string, unknown>)[key];
  }
  return value === true || (typeof value === 'object' && value !== null);
}

/**
 * Catalog add-on ids a spec renders, in render order: those always on and
 * those whose switch is on with every need of it met (a spec that misses a
 * need is refused by the rules; the renderer still renders nothing broken).
 */
export function enabledAddonIdsOf(specBody: object): string[] {
  const unmet = new Set(unmetNeeds(specBody).map(n => n.who));
  return ADDON_COMPONENTS.filter(
    c => !c.when || (isOn(specBody, c.when) && !unmet.has(c.when)),
  ).map(c => c.id);
}

/** The needs of `who` that are not met, in table order. */
export function unmetNeeds(specBody: object): AddonNeed[] {
  return ADDON_NEEDS.filter(
    n => isOn(specBody, n.who) && !isOn(specBody, n.what),
  );
}

/** How a form names the add-on switches. */
export const ADDON_SWITCH_NAMES: Readonly<Record<string, string>> = {
  'addons.certManager': 'cert-manager',
  'addons.externalDNS': 'ExternalDNS',
  'addons.observability': 'observability',
  'addons.openebs': 'OpenEBS',
};

/** What a form shows beside the switch `who`: `Needs cert-manager and OpenEBS.` */
export function needsText(who: string): string | undefined {
  const needed = ADDON_NEEDS.filter(
    n => n.who === who && n.what.startsWith('addons.'),
  ).map(n => ADDON_SWITCH_NAMES[n.what] ?? n.what);
  if (!needed.length) return undefined;
  return `Needs ${needed.join(' and ')}.`;
}
