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

/**
 * Memo of recent documents, keyed by their JSON text. A fleet re-render
 * writes many identical documents (the same workloads, CRD-free manifests and
 * values in every cluster) and `yaml` takes ~100x longer to write one than
 * `JSON.stringify`; the output is the same either way. Only plain data is
 * memoized (see {@link isPlainData}); the memo is per thread and bounded.
 */
const MEMO_LIMIT = 512;
const memo = new Map<string, string>();

/**
 * Whether the JSON text of `value` determines its YAML exactly: plain objects,
 * arrays, strings, booleans, null, finite numbers other than -0, and
 * `undefined` only as an object property (both formats leave it out).
 * Anything else (Dates, Maps, class instances, NaN, ...) is written unmemoized.
 */
function isPlainData(value: unknown, inArray: boolean): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'undefined':
      return !inArray;
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) {
        // An index loop: a hole is `undefined` here (JSON writes null).
        for (let i = 0; i < value.length; i++)
          if (!isPlainData(value[i], true)) return false;
        return true;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return false;
      for (const key of Object.keys(value)) {
        if (!isPlainData((value as Record<string, unknown>)[key], false))
          return false;
      }
      return true;
    }
    default:
      return false;
  }
}

/** Documents in the memo (for tests). */
export function yamlMemoSize(): number {
  return memo.size;
}

export function toYaml(value: unknown): string {
  if (!isPlainData(value, false)) return stringify(value, OPTIONS);
  const key = JSON.stringify(value);
  const hit = memo.get(key);
  if (hit !== undefined) {
    memo.delete(key); // most recently used last
    memo.set(key, hit);
    return hit;
  }
  const text = stringify(value, OPTIONS);
  memo.set(key, text);
  if (memo.size > MEMO_LIMIT) memo.delete(memo.keys().next().value!);
  return text;
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
