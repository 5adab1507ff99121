import { KubeObject, ResourceType } from './types';

/** A `metav1.Status` body as the API server sends it with errors. */
export function statusBody(
  code: number,
  reason: string,
  message: string,
  details?: Record<string, string>,
) {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  };
}

interface ContinueToken {
  offset: number;
  rv: string;
}

/** API groups whose types the API server encodes from typed Go structs. */
const BUILT_IN_GROUPS = ['', 'apps'];

/**
 * One page of a list (`kind: <Kind>List`), honouring `limit` and `continue`
 * like the API server: an opaque continue token while items remain and
 * `remainingItemCount` as a hint.
 */
export function listPage(
  type: ResourceType,
  items: KubeObject[],
  resourceVersion: string,
  query: URLSearchParams,
): [number, unknown] {
  let offset = 0;
  const token = query.get('continue');
  if (token) {
    try {
      const parsed = JSON.parse(
        Buffer.from(token, 'base64url').toString('utf8'),
      ) as ContinueToken;
      offset = parsed.offset;
    } catch {
      return [
        400,
        statusBody(
          400,
          'BadRequest',
          'continue key is not valid: illegal base64 data',
        ),
      ];
    }
  }
  const limit = Number(query.get('limit') ?? 0);
  const end = limit > 0 ? offset + limit : items.length;
  const page = items.slice(offset, end);
  const remaining = Math.max(items.length - end, 0);
  const metadata: Record<string, unknown> = { resourceVersion };
  if (remaining > 0) {
    const next: ContinueToken = { offset: end, rv: resourceVersion };
    metadata.continue = Buffer.from(JSON.stringify(next)).toString('base64url');
    metadata.remainingItemCount = remaining;
  }
  const kind = `${type.kind}List`;
  const apiVersion = type.group
    ? `${type.group}/${type.version}`
    : type.version;
  // Built-in types are encoded from typed structs (TypeMeta, ListMeta, then
  // items); custom resources from unstructured maps, whose keys Go's JSON
  // encoder sorts: apiVersion, items, kind, metadata.
  const body = BUILT_IN_GROUPS.includes(type.group)
    ? { kind, apiVersion, metadata, items: page }
    : { apiVersion, items: page, kind, metadata };
  return [200, body];
}
