/** A `metav1.Condition` as Gateway API status reports it. */
export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  observedGeneration?: number;
}

export interface GatewayClassInfo {
  name: string;
  controllerName: string;
  description?: string;
  conditions: Condition[];
}

export interface GatewayListenerInfo {
  name: string;
  protocol: string;
  port: number;
  hostname?: string;
  /** Names of the TLS certificate Secrets the listener references. */
  certificateRefs: string[];
  attachedRoutes: number;
  conditions: Condition[];
}

export interface GatewayInfo {
  namespace: string;
  name: string;
  gatewayClassName: string;
  /** `status.addresses[].value`. */
  addresses: string[];
  listeners: GatewayListenerInfo[];
  conditions: Condition[];
  createdAt?: string;
}

export interface ParentRefInfo {
  group?: string;
  kind?: string;
  namespace?: string;
  name: string;
  sectionName?: string;
  port?: number;
}

export interface RouteParentStatusInfo {
  parentRef: ParentRefInfo;
  controllerName: string;
  conditions: Condition[];
}

export interface HttpHeaderMatchInfo {
  type?: 'Exact' | 'RegularExpression';
  name: string;
  value: string;
}

export interface HttpRouteMatchInfo {
  path?: { type: 'Exact' | 'PathPrefix' | 'RegularExpression'; value: string };
  headers?: HttpHeaderMatchInfo[];
  queryParams?: HttpHeaderMatchInfo[];
  method?: string;
}

export interface HttpHeaderModifierInfo {
  set?: { name: string; value: string }[];
  add?: { name: string; value: string }[];
  remove?: string[];
}

/** One HTTPRoute filter, in the Gateway API's own shape. */
export interface HttpRouteFilterInfo {
  type: string;
  requestHeaderModifier?: HttpHeaderModifierInfo;
  responseHeaderModifier?: HttpHeaderModifierInfo;
  requestRedirect?: {
    scheme?: string;
    hostname?: string;
    port?: number;
    statusCode?: number;
    path?: { type: string; value: string };
  };
  urlRewrite?: { hostname?: string; path?: { type: string; value: string } };
  requestMirror?: {
    backendRef: { name: string; namespace?: string; port?: number };
  };
}

export interface HttpBackendRefInfo {
  group?: string;
  kind?: string;
  namespace?: string;
  name: string;
  port?: number;
  /** Gateway API default is 1. */
  weight: number;
}

export interface HttpRouteRuleInfo {
  name?: string;
  matches: HttpRouteMatchInfo[];
  filters: HttpRouteFilterInfo[];
  backendRefs: HttpBackendRefInfo[];
}

export interface HttpRouteInfo {
  namespace: string;
  name: string;
  hostnames: string[];
  parentRefs: ParentRefInfo[];
  /** Only the entries written by Cilium's controller. */
  parents: RouteParentStatusInfo[];
  rules: HttpRouteRuleInfo[];
  createdAt?: string;
}

/**
 * Gateways in a status document: counts only; the Gateways themselves are
 * paged by the gateways route.
 */
export interface GatewayCounts {
  total: number;
  /** Gateways whose `Accepted` condition is not `True`. */
  notAccepted: number;
  /** Gateways whose `Programmed` condition is not `True`. */
  notProgrammed: number;
}

/**
 * HTTPRoutes in a status document: counts only; the routes themselves are
 * paged by the httproutes route.
 */
export interface HttpRouteCounts {
  total: number;
  /** Routes that some Cilium-managed parent has not accepted. */
  notAccepted: number;
  /** Routes with a Cilium parent whose `ResolvedRefs` is not `True`. */
  unresolvedRefs: number;
}
