/**
 * Applies `spec.traffic.splits` to the HTTPRoutes the components render, and
 * checks each split against them: the route must be rendered, each backend
 * must be one of its `backendRefs`. Works on any component's HTTPRoutes, so a
 * renderer only sets its default weights.
 */
import { ClusterSpecError } from '../spec/errors';
import type { ClusterSpec, SpecIssue, TrafficSplit } from '../spec/types';
import type { KubeObject, RenderedRoute } from './types';

interface BackendRef {
  name?: string;
  kind?: string;
  group?: string;
  weight?: number;
}

interface RouteRule {
  backendRefs?: BackendRef[];
}

function isServiceRef(ref: BackendRef): boolean {
  return (ref.kind ?? 'Service') === 'Service' && (ref.group ?? '') === '';
}

function rulesOf(object: KubeObject): RouteRule[] {
  const spec = object.spec as { rules?: RouteRule[] } | undefined;
  return spec?.rules ?? [];
}

export function routeKey(object: KubeObject): string {
  return `${object.metadata.namespace ?? 'default'}/${object.metadata.name}`;
}

export function isHttpRoute(object: KubeObject): boolean {
  return (
    object.kind === 'HTTPRoute' &&
    object.apiVersion.startsWith('gateway.networking.k8s.io/')
  );
}

/** The HTTPRoutes among `objects` with their Service backends. */
export function renderedRoutes(objects: KubeObject[]): RenderedRoute[] {
  return objects.filter(isHttpRoute).map(object => {
    const weights: Record<string, number> = {};
    for (const rule of rulesOf(object))
      for (const ref of rule.backendRefs ?? [])
        if (isServiceRef(ref) && ref.name && !(ref.name in weights))
          weights[ref.name] = ref.weight ?? 1;
    return { route: routeKey(object), backends: Object.keys(weights), weights };
  });
}

/**
 * Collects the HTTPRoutes of every component and rewrites their weights;
 * {@link TrafficSplitter.check} then throws a {@link ClusterSpecError} naming
 * each split field that matches nothing.
 */
export class TrafficSplitter {
  private readonly splits: TrafficSplit[];
  private readonly seen = new Map<string, RenderedRoute>();

  constructor(spec: ClusterSpec) {
    this.splits = spec.spec.traffic?.splits ?? [];
  }

  /** A copy of `objects` with the split weights applied to their HTTPRoutes. */
  apply(objects: KubeObject[]): KubeObject[] {
    const result =
      this.splits.length === 0
        ? objects
        : objects.map(object => {
            if (!isHttpRoute(object)) return object;
            const index = this.splits.findIndex(
              s => s.route === routeKey(object),
            );
            if (index < 0) return object;
            return this.withWeights(object, this.splits[index]);
          });
    for (const route of renderedRoutes(result))
      this.seen.set(route.route, route);
    return result;
  }

  private withWeights(object: KubeObject, split: TrafficSplit): KubeObject {
    const spec = object.spec as Record<string, unknown>;
    const rules = rulesOf(object).map(rule =>
      rule.backendRefs
        ? {
            ...rule,
            backendRefs: rule.backendRefs.map(ref =>
              isServiceRef(ref) && ref.name && ref.name in split.backends
                ? { ...ref, weight: split.backends[ref.name] }
                : ref,
            ),
          }
        : rule,
    );
    return { ...object, spec: { ...spec, rules } };
  }

  /** Every HTTPRoute the components rendered, sorted by route. */
  routes(): RenderedRoute[] {
    // one entry per route: code-unit order of the unique keys
    return [...this.seen.values()].sort((a, b) => (a.route < b.route ? -1 : 1));
  }

  /** Throws when a split names a route or backend that was not rendered. */
  check(): void {
    const issues: SpecIssue[] = [];
    this.splits.forEach((split, i) => {
      const route = this.seen.get(split.route);
      if (!route) {
        const known = [...this.seen.keys()].sort();
        issues.push({
          path: `spec.traffic.splits[${i}].route`,
          message: `${split.route} is not an HTTPRoute of this cluster (${
            known.length
              ? `rendered HTTPRoutes: ${known.join(', ')}`
              : 'it renders no HTTPRoute; turn on a demo app such as spec.demoApps.echo'
          })`,
        });
        return;
      }
      for (const backend of Object.keys(split.backends)) {
        if (!route.backends.includes(backend))
          issues.push({
            path: `spec.traffic.splits[${i}].backends.${backend}`,
            message: `is not a backend of HTTPRoute ${
              split.route
            } (its backends: ${route.backends.join(', ')})`,
          });
      }
    });
    if (issues.length) throw new ClusterSpecError(issues);
  }
}
