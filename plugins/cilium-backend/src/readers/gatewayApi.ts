import {
  GatewayClassInfo,
  GatewayInfo,
  HttpRouteInfo,
} from '@internal/plugin-cilium-common';
import { ClusterClient } from '../kubernetes/ClusterClient';
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

export async function readGateways(
  client: ClusterClient,
  signal: AbortSignal,
): Promise<GatewayInfo[]> {
  return client.list(GROUP, VERSION, 'gateways', { signal }, mapGateway);
}

export async function readHttpRoutes(
  client: ClusterClient,
  signal: AbortSignal,
): Promise<HttpRouteInfo[]> {
  return client.list(GROUP, VERSION, 'httproutes', { signal }, mapHttpRoute);
}
