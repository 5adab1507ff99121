import type { KubeObject } from '../types';

/**
 * The shape shared by the `@kubernetes-models/*` interfaces (`IGateway`,
 * `IService`, ...) and this folder's own CRD types. Components build objects
 * with those interfaces (type-only imports: the packages are ESM-only) and the
 * tests validate them with the packages' classes or the CRD-derived schemas.
 */
export interface TypedObject {
  apiVersion: string;
  kind: string;
  metadata?: {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
}

/** A typed object as the renderer's {@link KubeObject}; it must have a name. */
export function toKubeObject(obj: TypedObject): KubeObject {
  if (!obj.metadata?.name) {
    throw new Error(`${obj.apiVersion} ${obj.kind} has no metadata.name`);
  }
  return obj as KubeObject;
}
