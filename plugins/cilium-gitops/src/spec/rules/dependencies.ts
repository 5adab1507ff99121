/**
 * Which switched-on part needs which other part. Every error names the
 * field that is missing or off, and says who needs it and why.
 */
import type { ClusterSpec, SpecIssue } from '../types';

interface Need {
  /** Is the needing part on? */
  when: (spec: ClusterSpec) => boolean;
  /** Field path of the needing part, e.g. `spec.addons.observability`. */
  who: string;
  /** Is the needed part there? */
  has: (spec: ClusterSpec) => boolean;
  /** Field path of the needed part, where the error is reported. */
  what: string;
  why: string;
  /** `addon` when the needed part is an on/off switch, `section` when it is settings. */
  kind: 'addon' | 'section';
}

const NEEDS: Need[] = [
  {
    when: s => s.spec.addons.externalDNS,
    who: 'spec.addons.externalDNS',
    has: s => !!s.spec.dns.rfc2136,
    what: 'spec.dns.rfc2136',
    why: 'ExternalDNS updates records over RFC2136',
    kind: 'section',
  },
  {
    when: s => s.spec.addons.certManager,
    who: 'spec.addons.certManager',
    has: s => !!s.spec.tls,
    what: 'spec.tls',
    why: 'the ACME ClusterIssuer is rendered from it',
    kind: 'section',
  },
  {
    when: s => s.spec.addons.certManager,
    who: 'spec.addons.certManager',
    has: s => !!s.spec.dns.rfc2136,
    what: 'spec.dns.rfc2136',
    why: 'the ClusterIssuer solves DNS-01 challenges over RFC2136',
    kind: 'section',
  },
  {
    when: s => s.spec.addons.observability,
    who: 'spec.addons.observability',
    has: s => !!s.spec.observability,
    what: 'spec.observability',
    why: 'Grafana and Hubble UI host names and the Grafana admin Secret',
    kind: 'section',
  },
  {
    when: s => s.spec.addons.observability,
    who: 'spec.addons.observability',
    has: s => s.spec.addons.openebs,
    what: 'spec.addons.openebs',
    why: 'persistent volumes for Prometheus, Grafana and Tempo',
    kind: 'addon',
  },
  {
    when: s => s.spec.addons.observability,
    who: 'spec.addons.observability',
    has: s => s.spec.addons.certManager,
    what: 'spec.addons.certManager',
    why: 'TLS for Grafana and the OpenTelemetry operator webhook',
    kind: 'addon',
  },
  {
    when: s => !!s.spec.observability,
    who: 'spec.observability.hubbleUIHost',
    has: s => s.spec.addons.certManager,
    what: 'spec.addons.certManager',
    why: 'the TLS certificate of the Hubble UI Ingress',
    kind: 'addon',
  },
  {
    when: s => s.spec.demoApps.bookinfo,
    who: 'spec.demoApps.bookinfo',
    has: s => s.spec.addons.certManager,
    what: 'spec.addons.certManager',
    why: 'the certificates of its TLS Gateway',
    kind: 'addon',
  },
  {
    when: s => s.spec.demoApps.jobsApp,
    who: 'spec.demoApps.jobsApp',
    has: s => s.spec.addons.observability,
    what: 'spec.addons.observability',
    why: 'it sends traces to the OpenTelemetry collector',
    kind: 'addon',
  },
];

export function dependencyIssues(spec: ClusterSpec): SpecIssue[] {
  const issues: SpecIssue[] = [];
  for (const need of NEEDS) {
    if (!need.when(spec) || need.has(spec)) continue;
    const message =
      need.kind === 'addon'
        ? `is off, but ${need.who} needs it (${need.why}); turn it on or turn ${need.who} off`
        : `is required because ${need.who} needs it (${need.why})`;
    issues.push({ path: need.what, message });
  }
  return issues;
}
