/**
 * Size caps of `cluster.yaml`, checked on the raw document BEFORE the schema
 * and the cross-field rules run (some of those compare every pair, e.g. the
 * CIDR overlap rule), so a 20,000-pool spec is refused in linear time with
 * one issue per exceeded cap instead of blocking the event loop. Each cap is
 * generous for real clusters; the reason is next to it. Messages never echo
 * values (a string over the cap may be a pasted secret).
 */
import { formatPath } from './errors';
import type { SpecIssue } from './types';

interface Cap {
  max: number;
  /** What is counted, plural: `at most 64 pools`. */
  what: string;
}

/**
 * Per-field caps, keyed by the field path with `[]` for any array index.
 * Lists and maps not named here get {@link DEFAULT_ITEMS}.
 */
export const SPEC_LIMITS: Readonly<Record<string, Cap>> = {
  // One CiliumLoadBalancerIPPool per pool; clusters carve a handful of
  // ranges (per team or per Gateway), so 64 is far above real use.
  'spec.network.loadBalancerPools': { max: 64, what: 'pools' },
  // BGP peers of the cluster's speakers: top-of-rack routers and route
  // reflectors, a few per rack.
  'spec.bgp.peers': { max: 64, what: 'BGP peers' },
  // Kubernetes supports clusters of up to 5,000 nodes ("Considerations for
  // large clusters", kubernetes.io/docs/setup/best-practices/cluster-large/);
  // the FRR router gets one neighbor per worker node.
  'spec.bgp.router.workerNodes': { max: 5000, what: 'worker nodes' },
  'spec.bgp.nodeSelector': { max: 64, what: 'labels' },
  // Cluster Mesh: cluster ids are 1..255 here (clusterId), so at most 254
  // other clusters can be peers.
  'spec.clusterMesh.peers': { max: 254, what: 'mesh peers' },
  'spec.clusterMesh.peerIPs': { max: 254, what: 'mesh peer addresses' },
  // One split per HTTPRoute; a cluster with hundreds of routes under
  // canary at once is already far beyond real use.
  'spec.traffic.splits': { max: 256, what: 'traffic splits' },
  // Gateway API caps backendRefs per HTTPRoute rule at 16
  // (kubernetes-sigs/gateway-api apis/v1/httproute_types.go,
  // HTTPRouteRule.BackendRefs `+kubebuilder:validation:MaxItems=16`).
  'spec.traffic.splits[].backends': { max: 16, what: 'backends' },
  'spec.tls.dns01RecursiveNameservers': { max: 16, what: 'nameservers' },
};

/** Any other list or map (including unknown fields, reported later by the schema). */
export const DEFAULT_ITEMS = 64;
/**
 * Every string and key: the longest real values are Git and ACME URLs
 * (browsers and servers commonly cap URLs near 2 KB); names are capped
 * tighter by their own rules.
 */
export const MAX_STRING = 2048;
/**
 * Strings allowed to be longer than {@link MAX_STRING}, keyed like
 * {@link SPEC_LIMITS}. A PEM certificate is about 0.7 KB (EC) to 2 KB
 * (RSA-4096); a CA bundle rarely holds more than a root and a few
 * intermediates, so 16 RSA-4096 certificates is far above real use.
 */
export const STRING_LIMITS: Readonly<Record<string, number>> = {
  'spec.controlPlane.apiServerCA': 32768,
};
/** The spec is six levels deep; anything deeper is not a cluster spec. */
export const MAX_DEPTH = 12;

type Part = string | number;

/** `['spec','traffic','splits',3,'backends']` → `spec.traffic.splits[].backends`. */
function capKey(path: Part[]): string {
  return formatPath(path.map(p => (typeof p === 'number' ? 0 : p))).replace(
    /\[0\]/g,
    '[]',
  );
}

/** Every exceeded cap in `doc`, one issue each; empty when the size is fine. */
export function sizeIssues(doc: unknown): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const walk = (value: unknown, path: Part[]): void => {
    if (typeof value === 'string') {
      const max = STRING_LIMITS[capKey(path)] ?? MAX_STRING;
      if (value.length > max) {
        issues.push({
          path: formatPath(path),
          message: `at most ${max} characters (got ${value.length})`,
        });
      }
      return;
    }
    if (value === null || typeof value !== 'object') return;
    if (path.length >= MAX_DEPTH) {
      issues.push({
        path: formatPath(path),
        message: `nested deeper than ${MAX_DEPTH} levels`,
      });
      return;
    }
    const entries: [Part, unknown][] = Array.isArray(value)
      ? value.map((item, i) => [i, item])
      : Object.entries(value);
    const cap = SPEC_LIMITS[capKey(path)] ?? {
      max: DEFAULT_ITEMS,
      what: Array.isArray(value) ? 'items' : 'entries',
    };
    if (entries.length > cap.max) {
      issues.push({
        path: formatPath(path),
        message: `at most ${cap.max} ${cap.what} (got ${entries.length})`,
      });
      return; // its items are not looked at: the list is refused as a whole
    }
    for (const [key, item] of entries) {
      if (typeof key === 'string' && key.length > MAX_STRING) {
        issues.push({
          path: formatPath(path),
          message: `has a key longer than ${MAX_STRING} characters`,
        });
        continue;
      }
      walk(item, [...path, key]);
    }
  };
  walk(doc, []);
  return issues;
}
