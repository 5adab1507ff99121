import {
  KubeObject,
  RESOURCE_TYPES,
  ResourceType,
  resourceKey,
  resourceTypeOf,
} from './types';

/** The objects one test server holds, indexed by resource type. */
export class ObjectStore {
  readonly resourceVersion = '184467';
  private readonly byType = new Map<string, KubeObject[]>();
  private readonly types = new Map<string, ResourceType>();

  constructor(objects: KubeObject[]) {
    for (const t of RESOURCE_TYPES) {
      this.types.set(resourceKey(t.group, t.version, t.plural), t);
      this.byType.set(resourceKey(t.group, t.version, t.plural), []);
    }
    objects.forEach(o => this.add(o));
  }

  type(group: string, version: string, plural: string) {
    return this.types.get(resourceKey(group, version, plural));
  }

  add(obj: KubeObject) {
    const t = resourceTypeOf(obj);
    this.byType.get(resourceKey(t.group, t.version, t.plural))!.push(obj);
  }

  /**
   * Replaces the object of the same kind, namespace and name (adds it when
   * there is none), as an update through the API would.
   */
  put(obj: KubeObject) {
    const t = resourceTypeOf(obj);
    const key = resourceKey(t.group, t.version, t.plural);
    const items = this.byType.get(key)!;
    const i = items.findIndex(
      o =>
        o.metadata.name === obj.metadata.name &&
        o.metadata.namespace === obj.metadata.namespace,
    );
    if (i >= 0) items[i] = obj;
    else items.push(obj);
  }

  /** Removes every object of a kind, e.g. to simulate a missing CRD's data. */
  removeAll(kind: string) {
    for (const [key, items] of this.byType) {
      this.byType.set(
        key,
        items.filter(o => o.kind !== kind),
      );
    }
  }

  get(type: ResourceType, namespace: string | undefined, name: string) {
    return this.all(type).find(
      o =>
        o.metadata.name === name &&
        (!type.namespaced || o.metadata.namespace === namespace),
    );
  }

  /** Objects in a namespace (or all), filtered by an equality label selector. */
  list(type: ResourceType, namespace?: string, labelSelector?: string) {
    let items = this.all(type);
    if (namespace)
      items = items.filter(o => o.metadata.namespace === namespace);
    if (labelSelector) {
      const terms = labelSelector.split(',').map(term => {
        const [k, v] = term.split(/!?==?/);
        return { k: k.trim(), v: v?.trim(), not: term.includes('!=') };
      });
      items = items.filter(o =>
        terms.every(({ k, v, not }) => {
          const actual = o.metadata.labels?.[k];
          if (v === undefined) return actual !== undefined;
          return not ? actual !== v : actual === v;
        }),
      );
    }
    return items;
  }

  private all(type: ResourceType) {
    return this.byType.get(resourceKey(type.group, type.version, type.plural))!;
  }
}
