/**
 * Endpoint labels and selectors. Hubble sends identity labels as
 * `source:key=value` (`k8s:app=x`, `reserved:world`); a selector key without
 * a source matches any source (docs.cilium.io, Policy Language, "Layer 3
 * Examples" → "Endpoints Based": label selectors match the identity labels).
 */
import type { LabelRequirement, Selector } from './types';

const SOURCES = new Set([
  'any',
  'k8s',
  'reserved',
  'container',
  'cidr',
  'fqdn',
  'unspec',
  'cilium-generated',
]);

export const NAMESPACE_KEY = 'io.kubernetes.pod.namespace';

/** Labels of one endpoint, looked up by `source:key` and by `key`. */
export interface EndpointLabels {
  bySourceKey: Map<string, string>;
  byKey: Map<string, string[]>;
}

export function splitSource(raw: string): { source?: string; key: string } {
  const i = raw.indexOf(':');
  if (i > 0 && SOURCES.has(raw.slice(0, i))) {
    const source = raw.slice(0, i);
    return {
      source: source === 'any' ? undefined : source,
      key: raw.slice(i + 1),
    };
  }
  return { key: raw };
}

export function parseEndpointLabels(labels: string[]): EndpointLabels {
  const bySourceKey = new Map<string, string>();
  const byKey = new Map<string, string[]>();
  for (const label of labels) {
    const eq = label.indexOf('=');
    const name = eq < 0 ? label : label.slice(0, eq);
    const value = eq < 0 ? '' : label.slice(eq + 1);
    const { source, key } = splitSource(name);
    bySourceKey.set(`${source ?? 'unspec'}:${key}`, value);
    const list = byKey.get(key);
    if (list) list.push(value);
    else byKey.set(key, [value]);
  }
  return { bySourceKey, byKey };
}

function valuesOf(labels: EndpointLabels, req: LabelRequirement): string[] {
  if (req.source) {
    const v = labels.bySourceKey.get(`${req.source}:${req.key}`);
    return v === undefined ? [] : [v];
  }
  return labels.byKey.get(req.key) ?? [];
}

/** Kubernetes label-selector semantics (In/NotIn/Exists/DoesNotExist), ANDed. */
export function matchesSelector(
  labels: EndpointLabels,
  selector: Selector,
): boolean {
  for (const req of selector.requirements) {
    const values = valuesOf(labels, req);
    switch (req.operator) {
      case 'In':
        if (!values.some(v => req.values.includes(v))) return false;
        break;
      case 'NotIn':
        if (values.some(v => req.values.includes(v))) return false;
        break;
      case 'Exists':
        if (values.length === 0) return false;
        break;
      case 'DoesNotExist':
        if (values.length > 0) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** The namespace a selector pins (an `In` with one value on the namespace key). */
export function pinnedNamespace(selector: Selector): string | undefined {
  const req = selector.requirements.find(
    r =>
      r.key === NAMESPACE_KEY && r.operator === 'In' && r.values.length === 1,
  );
  return req?.values[0];
}

export function hasKey(selector: Selector, key: string): boolean {
  return selector.requirements.some(r => r.key === key);
}
