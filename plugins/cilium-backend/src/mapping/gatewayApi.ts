import {
  Condition,
  GatewayClassInfo,
  GatewayInfo,
  HttpBackendRefInfo,
  HttpRouteFilterInfo,
  HttpRouteInfo,
  HttpRouteMatchInfo,
  ParentRefInfo,
} from '@internal/plugin-cilium-common';
import type { KubeObject } from '../kubernetes/ClusterClient';

/** Cilium's Gateway API controller; other controllers' status is hidden. */
export const CILIUM_GATEWAY_CONTROLLER = 'io.cilium/gateway-controller';

const arr = <T>(v: T[] | undefined | null): T[] => (Array.isArray(v) ? v : []);

export function mapConditions(conditions: any[] | undefined): Condition[] {
  return arr(conditions).map(c => ({
    type: String(c.type),
    status: c.status,
    ...(c.reason ? { reason: c.reason } : {}),
    ...(c.message ? { message: c.message } : {}),
    ...(c.lastTransitionTime ? { lastTransitionTime: c.lastTransitionTime } : {}),
    ...(c.observedGeneration !== undefined
      ? { observedGeneration: c.observedGeneration }
      : {}),
  }));
}

export function mapGatewayClass(o: KubeObject): GatewayClassInfo {
  return {
    name: o.metadata.name,
    controllerName: o.spec?.controllerName ?? '',
    ...(o.spec?.description ? { description: o.spec.description } : {}),
    conditions: mapConditions(o.status?.conditions),
  };
}

export function mapGateway(o: KubeObject): GatewayInfo {
  const statusListeners = new Map<string, any>(
    arr<any>(o.status?.listeners).map(l => [l.name, l]),
  );
  return {
    namespace: o.metadata.namespace ?? '',
    name: o.metadata.name,
    gatewayClassName: o.spec?.gatewayClassName ?? '',
    addresses: arr<any>(o.status?.addresses).map(a => String(a.value)),
    listeners: arr<any>(o.spec?.listeners).map(l => {
      const s = statusListeners.get(l.name);
      return {
        name: l.name,
        protocol: l.protocol,
        port: l.port,
        ...(l.hostname ? { hostname: l.hostname } : {}),
        certificateRefs: arr<any>(l.tls?.certificateRefs).map(r =>
          r.namespace ? `${r.namespace}/${r.name}` : r.name,
        ),
        attachedRoutes: s?.attachedRoutes ?? 0,
        conditions: mapConditions(s?.conditions),
      };
    }),
    conditions: mapConditions(o.status?.conditions),
    ...(o.metadata.creationTimestamp
      ? { createdAt: String(o.metadata.creationTimestamp) }
      : {}),
  };
}

function mapParentRef(p: any): ParentRefInfo {
  return {
    ...(p.group !== undefined ? { group: p.group } : {}),
    ...(p.kind ? { kind: p.kind } : {}),
    ...(p.namespace ? { namespace: p.namespace } : {}),
    name: p.name,
    ...(p.sectionName ? { sectionName: p.sectionName } : {}),
    ...(p.port !== undefined ? { port: p.port } : {}),
  };
}

function mapMatch(m: any): HttpRouteMatchInfo {
  return {
    ...(m.path ? { path: { type: m.path.type ?? 'PathPrefix', value: m.path.value ?? '/' } } : {}),
    ...(m.headers ? { headers: arr<any>(m.headers).map(h => ({ ...(h.type ? { type: h.type } : {}), name: h.name, value: h.value })) } : {}),
    ...(m.queryParams ? { queryParams: arr<any>(m.queryParams).map(h => ({ ...(h.type ? { type: h.type } : {}), name: h.name, value: h.value })) } : {}),
    ...(m.method ? { method: m.method } : {}),
  };
}

function mapFilter(f: any): HttpRouteFilterInfo {
  const out: HttpRouteFilterInfo = { type: f.type };
  for (const key of [
    'requestHeaderModifier',
    'responseHeaderModifier',
    'requestRedirect',
    'urlRewrite',
    'requestMirror',
  ] as const) {
    if (f[key]) (out as any)[key] = f[key];
  }
  return out;
}

function mapBackend(b: any): HttpBackendRefInfo {
  return {
    ...(b.group !== undefined ? { group: b.group } : {}),
    ...(b.kind ? { kind: b.kind } : {}),
    ...(b.namespace ? { namespace: b.namespace } : {}),
    name: b.name,
    ...(b.port !== undefined ? { port: b.port } : {}),
    // Gateway API: weight defaults to 1.
    weight: typeof b.weight === 'number' ? b.weight : 1,
  };
}

export function mapHttpRoute(o: KubeObject): HttpRouteInfo {
  return {
    namespace: o.metadata.namespace ?? '',
    name: o.metadata.name,
    hostnames: arr<string>(o.spec?.hostnames),
    parentRefs: arr(o.spec?.parentRefs).map(mapParentRef),
    parents: arr<any>(o.status?.parents)
      .filter(p => p.controllerName === CILIUM_GATEWAY_CONTROLLER)
      .map(p => ({
        parentRef: mapParentRef(p.parentRef ?? {}),
        controllerName: p.controllerName,
        conditions: mapConditions(p.conditions),
      })),
    rules: arr<any>(o.spec?.rules).map(r => ({
      ...(r.name ? { name: r.name } : {}),
      matches: arr(r.matches).map(mapMatch),
      filters: arr(r.filters).map(mapFilter),
      backendRefs: arr(r.backendRefs).map(mapBackend),
    })),
    ...(o.metadata.creationTimestamp
      ? { createdAt: String(o.metadata.creationTimestamp) }
      : {}),
  };
}
