/**
 * Test helpers for the component renderers: the example spec and a
 * RenderContext built from the repository's addon catalog.
 */
import {
  ciliumMinorOf,
  loadAddonCatalog,
  mergeHelmValues,
  resolveCiliumVersion,
} from '../../catalog';
import { exampleClusterSpecDocument, parseClusterSpec } from '../../spec';
import type { ClusterSpec } from '../../spec/types';
import type { ComponentOutput, KubeObject, RenderContext } from '../types';
import { componentRenderers } from './index';

export const catalog = loadAddonCatalog();

/** democluster1 of the issue: every addon and demo on, BGP with an FRR router, one mesh peer. */
export function exampleSpec(): ClusterSpec {
  return parseClusterSpec(exampleClusterSpecDocument());
}

/** The context the renderer core would give component `id`. */
export function contextFor(
  id: string,
  spec: ClusterSpec = exampleSpec(),
): RenderContext {
  const ciliumVersion = resolveCiliumVersion(spec.spec.cilium.version, catalog);
  const ciliumMinor = ciliumMinorOf(ciliumVersion);
  const addon = catalog.addons[id];
  if (!addon) throw new Error(`no addon ${id} in the catalog`);
  return {
    spec,
    catalog,
    addon,
    ciliumMinor,
    ciliumVersion,
    pins: addon.pins[ciliumMinor] ?? {},
  };
}

/** Renders component `id` for `spec`. */
export function render(id: string, spec?: ClusterSpec): ComponentOutput {
  return componentRenderers[id](contextFor(id, spec));
}

/** The values file the renderer core would write: catalog defaults under the component's values. */
export function finalValues(
  id: string,
  spec?: ClusterSpec,
): Record<string, any> {
  const ctx = contextFor(id, spec);
  return mergeHelmValues(
    ctx.addon.defaultValues,
    componentRenderers[id](ctx).values ?? {},
  );
}

/** The one manifest of `kind` (and `name`, if given). */
export function manifest(
  out: ComponentOutput,
  kind: string,
  name?: string,
): KubeObject & Record<string, any> {
  const found = (out.manifests ?? []).filter(
    m => m.kind === kind && (name === undefined || m.metadata.name === name),
  );
  if (found.length !== 1)
    throw new Error(
      `expected one ${kind} ${name ?? ''}, found ${found.length}`,
    );
  return found[0] as KubeObject & Record<string, any>;
}

/** A copy of the example spec with `edit` applied. */
export function specWith(edit: (spec: ClusterSpec) => void): ClusterSpec {
  const spec = exampleSpec();
  edit(spec);
  return spec;
}
