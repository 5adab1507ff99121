import type { AddonCatalog, AddonEntry } from '../catalog/types';
import type { ClusterSpec } from '../spec/types';

/** A Kubernetes object as a plain typed value, ready to be written as YAML. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    finalizers?: string[];
  };
  [key: string]: unknown;
}

/** One file of the generated repository. */
export interface RenderedFile {
  /** POSIX path relative to the repository root. */
  path: string;
  content: string;
}

/** The generated repository: files sorted by path. */
export interface RenderedRepo {
  files: RenderedFile[];
  /** Path of the root (app-of-apps) Application manifest. */
  rootApplicationPath: string;
  /** The rendered HTTPRoutes with their backend weights (after `spec.traffic.splits`). */
  routes?: RenderedRoute[];
}

/** What a component renderer is given. */
export interface RenderContext {
  spec: ClusterSpec;
  catalog: AddonCatalog;
  /** The addon being rendered. */
  addon: AddonEntry;
  /** Cilium minor of the spec, e.g. `"1.20"`. */
  ciliumMinor: string;
  /** Cilium patch to install, e.g. `"1.20.3"` (the spec's version, a bare minor resolved to its newest pin). */
  ciliumVersion: string;
  /** `catalog.addons[id].pins[ciliumMinor]`, or `{}`. */
  pins: Record<string, string>;
}

/**
 * What one component contributes. Helm `values` go to `values/<id>.yaml`
 * (merged over the addon's default values), `manifests` to
 * `manifests/<id>/` with a `kustomization.yaml`, `files` verbatim (e.g.
 * `router/frr.conf`). `secrets` lists the Secrets the user must create out of
 * band, for the generated README.
 */
export interface ComponentOutput {
  values?: Record<string, unknown>;
  manifests?: KubeObject[];
  files?: RenderedFile[];
  secrets?: SecretReference[];
  /** Extra Argo CD `ignoreDifferences` entries for this component's Application. */
  ignoreDifferences?: Record<string, unknown>[];
}

/** A Secret the cluster needs and the user creates; its value is never rendered. */
export interface SecretReference {
  namespace: string;
  name: string;
  key: string;
  /** What the value is and how to create it, for the README. */
  description: string;
}

export type ComponentRenderer = (ctx: RenderContext) => ComponentOutput;

/** The Service backends of one rendered HTTPRoute, in order of appearance. */
export interface RenderedRoute {
  /** `<namespace>/<name>`. */
  route: string;
  backends: string[];
  /** Weight of each backend (its first backendRef; Gateway API's default 1 when unset). */
  weights: Record<string, number>;
}
