/**
 * The defaults the API server writes into custom resources (structural
 * schema defaulting: a `default` is set wherever its parent object exists and
 * the field is absent). Argo CD compares lists of custom resources as a whole,
 * so a default inside a list item (an HTTPRoute's `backendRefs[].weight`)
 * left out of Git is permanent OutOfSync. The renderer writes every default
 * explicitly; `applyCrdDefaults(obj)` equal to `obj` is the check.
 *
 * Sources: `defaults/*.json`, each pruned from its upstream CRD (see their
 * `$comment`), and the full OpenTelemetryCollector schema.
 */
import certManagerClusterIssuer from './defaults/cert-manager-v1-clusterissuer.json';
import cilium from './defaults/cilium-v2.json';
import gatewayApiGateway from './defaults/gateway-api-v1-gateway.json';
import gatewayApiHttpRoute from './defaults/gateway-api-v1-httproute.json';
import openTelemetryCollector from './opentelemetrycollector-v1beta1.json';

/** The part of an OpenAPI schema that defaulting reads. */
export interface DefaultingSchema {
  default?: unknown;
  properties?: Record<string, DefaultingSchema>;
  items?: DefaultingSchema;
}

/** Defaulting schemas by `<group>/<kind>` (every served version of these CRDs shares them). */
export const crdDefaultSchemas: Record<string, DefaultingSchema> = {
  'gateway.networking.k8s.io/Gateway': gatewayApiGateway,
  'gateway.networking.k8s.io/HTTPRoute': gatewayApiHttpRoute,
  'cert-manager.io/ClusterIssuer': certManagerClusterIssuer,
  'cilium.io/CiliumLoadBalancerIPPool': cilium.CiliumLoadBalancerIPPool,
  'cilium.io/CiliumBGPClusterConfig': cilium.CiliumBGPClusterConfig,
  'cilium.io/CiliumBGPPeerConfig': cilium.CiliumBGPPeerConfig,
  'cilium.io/CiliumBGPAdvertisement': cilium.CiliumBGPAdvertisement,
  'opentelemetry.io/OpenTelemetryCollector':
    openTelemetryCollector as DefaultingSchema,
};

function keyOf(obj: { apiVersion?: unknown; kind?: unknown }): string {
  const group = String(obj.apiVersion ?? '').split('/');
  return `${group.length > 1 ? group[0] : ''}/${String(obj.kind)}`;
}

/** Whether defaulting rules are known for the object's group and kind. */
export function hasCrdDefaults(obj: {
  apiVersion?: unknown;
  kind?: unknown;
}): boolean {
  return keyOf(obj) in crdDefaultSchemas;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function applyDefaults(value: unknown, schema: DefaultingSchema): unknown {
  if (Array.isArray(value)) {
    return schema.items
      ? value.map(item => applyDefaults(item, schema.items!))
      : value;
  }
  if (!isObject(value) || !schema.properties) return value;
  const out: Record<string, unknown> = { ...value };
  for (const [key, sub] of Object.entries(schema.properties)) {
    if (out[key] === undefined && sub.default !== undefined) {
      out[key] = structuredClone(sub.default);
    }
    if (out[key] !== undefined) out[key] = applyDefaults(out[key], sub);
  }
  return out;
}

/**
 * The object as the API server stores it after defaulting, for the kinds of
 * {@link crdDefaultSchemas}; other objects are returned unchanged.
 */
export function applyCrdDefaults<T extends object>(obj: T): T {
  const schema = crdDefaultSchemas[keyOf(obj)];
  return schema ? (applyDefaults(obj, schema) as T) : obj;
}
