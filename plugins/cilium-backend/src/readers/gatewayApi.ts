import {
  GatewayClassInfo,
  GatewayInfo,
  HttpRouteInfo,
} from '@internal/plugin-cilium-common';
import { ClusterClient } from '../kubernetes/ClusterClient';
import { JsonArray } from '../status/JsonArray';
import {
  mapGateway,
  mapGatewayClass,
  mapHttpRoute,
} from '../mapping/gatewayApi';

const GROUP = 'gateway.networking.k8s.io';
const VERSION = 'v1';

export async function readGatewayClasses(
  client: ClusterClient,
  signal: AbortSignal,
): Promise<GatewayClassInfo[]> {
  return client.list(
    GROUP,
    VERSION,
    'gatewayclasses',
    { signal },
    mapGatewayClass,
  );
}

/** Serialized as the pages arrive: Gateways can be many. */
export async function readGateways(
  client: ClusterClient,
  signal: AbortSignal,
): Promise<JsonArray<GatewayInfo>> {
  return client.listJson(GROUP, VERSION, 'gateways', { signal }, mapGateway);
}

/** Serialized as the pages arrive: HTTPRoutes are the bulk of a document. */
export async function readHttpRoutes(
  client: ClusterClient,
  signal: AbortSignal,
): Promise<JsonArray<HttpRouteInfo>> {
  return client.listJson(
    GROUP,
    VERSION,
    'httproutes',
    { signal },
    mapHttpRoute,
  );
}
