/**
 * YAML output: objects in, text out, never templates. Key order is the
 * insertion order of the (deterministically built) objects; Kubernetes
 * objects get `apiVersion, kind, metadata` first.
 */
import { stringify } from 'yaml';
import type { KubeObject } from './types';

const OPTIONS = {
  lineWidth: 0,
  minContentWidth: 0,
  aliasDuplicateObjects: false,
  indentSeq: true,
  // No `%TAG`/`---` directives; also spares a full-tree walk per document.
  directives: false,
} as const;

export function toYaml(value: unknown): string {
  return stringify(value, OPTIONS);
}

/** `apiVersion, kind, metadata (name, namespace, labels, annotations, ...)` then the rest. */
export function canonicalObject(object: KubeObject): KubeObject {
  const { apiVersion, kind, metadata, ...rest } = object;
  const { name, namespace, labels, annotations, ...otherMeta } =
    metadata as KubeObject['metadata'] & Record<string, unknown>;
  return {
    apiVersion,
    kind,
    metadata: {
      name,
      ...(namespace !== undefined && { namespace }),
      ...(labels !== undefined && { labels }),
      ...(annotations !== undefined && { annotations }),
      ...otherMeta,
    },
    ...rest,
  };
}

export function objectYaml(object: KubeObject): string {
  return toYaml(canonicalObject(object));
}
