import {
  Condition,
  GatewayClassInfo,
  GatewayCounts,
  GatewayInfo,
  GatewayListenerInfo,
  HttpBackendRefInfo,
  HttpHeaderMatchInfo,
  HttpRouteCounts,
  HttpRouteFilterInfo,
  HttpRouteInfo,
  HttpRouteMatchInfo,
  ParentRefInfo,
  RouteParentStatusInfo,
  HttpRouteRuleInfo,
} from '@internal/plugin-cilium-common';
import type { KubeObject } from '../kubernetes/ClusterClient';

/** Cilium's Gateway API controller; other controllers' status is hidden. */
export const CILIUM_GATEWAY_CONTROLLER = 'io.cilium/gateway-controller';

const arr = <T>(v: T[] | undefined | null): T[] => (Array.isArray(v) ? v : []);

/** Whether an optional field is set (absent fields stay absent). */
const present = (v: unknown) => v !== undefined && v !== null && v !== '';

/**
 * Conditions as the API server stores them. They are `metav1.Condition`s,
 * pruned to that schema by the API server (structural CRD schemas), so
 * they are passed through without copying.
 */
export function mapConditions(conditions: any[] | undefined): Condition[] {
  return arr<Condition>(conditions);
}

export function mapGatewayClass(o: KubeObject): GatewayClassInfo {
  const out: GatewayClassInfo = {
    name: o.metadata.name,
    controllerName: o.spec?.controllerName ?? '',
    conditions: mapConditions(o.status?.conditions),
  };
  if (present(o.spec?.description)) out.description = o.spec?.description;
  return out;
}

export function mapGateway(o: KubeObject): GatewayInfo {
  const statusListeners = arr<any>(o.status?.listeners);
  const out: GatewayInfo = {
    namespace: o.metadata.namespace ?? '',
    name: o.metadata.name,
    gatewayClassName: o.spec?.gatewayClassName ?? '',
    addresses: arr<any>(o.status?.addresses).map(a => String(a.value)),
    listeners: arr<any>(o.spec?.listeners).map(l => {
      const s = statusListeners.find(x => x.name === l.name);
      const listener: GatewayListenerInfo = {
        name: l.name,
        protocol: l.protocol,
        port: l.port,
        certificateRefs: arr<any>(l.tls?.certificateRefs).map(r =>
          r.namespace ? `${r.namespace}/${r.name}` : r.name,
        ),
        attachedRoutes: s?.attachedRoutes ?? 0,
        conditions: mapConditions(s?.conditions),
      };
      if (present(l.hostname)) listener.hostname = l.hostname;
      return listener;
    }),
    conditions: mapConditions(o.status?.conditions),
  };
  if (present(o.metadata.creationTimestamp))
    out.createdAt = o.metadata.creationTimestamp;
  return out;
}

function mapParentRef(p: any): ParentRefInfo {
  const out: ParentRefInfo = { name: p.name };
  if (p.group !== undefined) out.group = p.group;
  if (present(p.kind)) out.kind = p.kind;
  if (present(p.namespace)) out.namespace = p.namespace;
  if (present(p.sectionName)) out.sectionName = p.sectionName;
  if (present(p.port)) out.port = p.port;
  return out;
}

function mapHeaderMatches(list: any[] | undefined): HttpHeaderMatchInfo[] {
  return arr<any>(list).map(h => {
    const m: HttpHeaderMatchInfo = { name: h.name, value: h.value };
    if (present(h.type)) m.type = h.type;
    return m;
  });
}

/** Matches are schema-pruned like conditions; only a path's defaults are filled. */
function mapMatch(m: any): HttpRouteMatchInfo {
  if (m.path?.type && m.path?.value) return m;
  const out: HttpRouteMatchInfo = {};
  if (m.path)
    out.path = {
      type: m.path.type ?? 'PathPrefix',
      value: m.path.value ?? '/',
    };
  if (m.headers) out.headers = mapHeaderMatches(m.headers);
  if (m.queryParams) out.queryParams = mapHeaderMatches(m.queryParams);
  if (present(m.method)) out.method = m.method;
  return out;
}

const FILTER_KEYS = [
  'requestHeaderModifier',
  'responseHeaderModifier',
  'requestRedirect',
  'urlRewrite',
  'requestMirror',
] as const;

function mapFilter(f: any): HttpRouteFilterInfo {
  const out: HttpRouteFilterInfo = { type: f.type };
  for (const key of FILTER_KEYS) {
    if (f[key]) (out as any)[key] = f[key];
  }
  return out;
}

function mapBackend(b: any): HttpBackendRefInfo {
  // Gateway API: weight defaults to 1.
  const out: HttpBackendRefInfo = {
    name: b.name,
    weight: typeof b.weight === 'number' ? b.weight : 1,
  };
  if (b.group !== undefined) out.group = b.group;
  if (present(b.kind)) out.kind = b.kind;
  if (present(b.namespace)) out.namespace = b.namespace;
  if (present(b.port)) out.port = b.port;
  return out;
}

export function mapHttpRoute(o: KubeObject): HttpRouteInfo {
  const parents: RouteParentStatusInfo[] = [];
  for (const p of arr<any>(o.status?.parents)) {
    if (p.controllerName !== CILIUM_GATEWAY_CONTROLLER) continue;
    parents.push({
      parentRef: mapParentRef(p.parentRef ?? {}),
      controllerName: p.controllerName,
      conditions: mapConditions(p.conditions),
    });
  }
  const out: HttpRouteInfo = {
    namespace: o.metadata.namespace ?? '',
    name: o.metadata.name,
    hostnames: arr<string>(o.spec?.hostnames),
    parentRefs: arr(o.spec?.parentRefs).map(mapParentRef),
    parents,
    rules: arr<any>(o.spec?.rules).map(r => {
      const rule: HttpRouteRuleInfo = {
        matches: arr(r.matches).map(mapMatch),
        filters: arr(r.filters).map(mapFilter),
        backendRefs: arr(r.backendRefs).map(mapBackend),
      };
      if (present(r.name)) rule.name = r.name;
      return rule;
    }),
  };
  if (present(o.metadata.creationTimestamp))
    out.createdAt = o.metadata.creationTimestamp;
  return out;
}

const isTrue = (conditions: Condition[], type: string) =>
  conditions.some(c => c.type === type && c.status === 'True');

/** Adds one Gateway to the counts of a status document. */
export function countGateway(counts: GatewayCounts, g: GatewayInfo) {
  counts.total++;
  if (!isTrue(g.conditions, 'Accepted')) counts.notAccepted++;
  if (!isTrue(g.conditions, 'Programmed')) counts.notProgrammed++;
}

/** Adds one HTTPRoute to the counts of a status document. */
export function countHttpRoute(counts: HttpRouteCounts, r: HttpRouteInfo) {
  counts.total++;
  if (r.parents.some(p => !isTrue(p.conditions, 'Accepted')))
    counts.notAccepted++;
  if (r.parents.some(p => !isTrue(p.conditions, 'ResolvedRefs')))
    counts.unresolvedRefs++;
}
