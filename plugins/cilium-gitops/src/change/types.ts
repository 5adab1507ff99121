/**
 * A typed day-2 change of a cluster spec. Each kind edits `cluster.yaml`;
 * the result goes through the same validation and renderer as creation.
 */
import type { PolicyChange } from './policies';

export type ClusterChange =
  /** Set the backend weights of one rendered HTTPRoute (`<namespace>/<name>`). */
  | { kind: 'split'; route: string; backends: Record<string, number> }
  /** Turn an add-on (`spec.addons.*`) or a demo app (`spec.demoApps.*`) on or off. */
  | { kind: 'addon'; name: string; enabled: boolean }
  /** Move to another pinned Cilium patch, or the next supported minor. */
  | { kind: 'ciliumVersion'; version: string }
  | { kind: 'meshPeer'; action: 'add' | 'remove'; peer: string }
  | { kind: 'lbPool'; name: string; cidr: string }
  | { kind: 'bgpPeer'; name: string; address: string; asn: number }
  /**
   * Replace the proposed CiliumNetworkPolicies of one namespace
   * (`manifests/policies/<namespace>/`, see `planPolicies.ts`).
   */
  | PolicyChange;

export type ChangeKind = ClusterChange['kind'];

export const CHANGE_KINDS: ChangeKind[] = [
  'split',
  'addon',
  'ciliumVersion',
  'meshPeer',
  'lbPool',
  'bgpPeer',
  'policies',
];

/** One file the change touches, with its unified diff. */
export interface ChangedFile {
  path: string;
  status: 'added' | 'modified' | 'removed';
  /** `diff --git`-style text: headers and hunks. */
  patch: string;
}

/** The weights of one route before and after the change. */
export interface SplitBeforeAfter {
  route: string;
  before: Record<string, number>;
  after: Record<string, number>;
}

/** What a `policies` change writes, for the description. */
export interface PolicySetPlan {
  namespace: string;
  /** `manifests/policies/<namespace>`. */
  dir: string;
  /** The Argo CD Application's name and path. */
  application: { name: string; path: string; created: boolean };
  added: string[];
  replaced: string[];
  removed: string[];
  unchanged: string[];
}
