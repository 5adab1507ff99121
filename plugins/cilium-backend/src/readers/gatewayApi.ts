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
  const items = await client.list(GROUP, VERSION, 'gatewayclasses', { signal });
  return items.map(mapGatewayClass);
}

export async function readGateways(
  client: ClusterClient,
  signal: AbortSignal,
): Promise<GatewayInfo[]> {
  const items = await client.list(GROUP, VERSION, 'gateways', { signal });
  return items.map(mapGateway);
}

export async function readHttpRoutes(
  client: ClusterClient,
  signal: AbortSignal,
): Promise<HttpRouteInfo[]> {
  const items = await client.list(GROUP, VERSION, 'httproutes', { signal });
  return items.map(mapHttpRoute);
}
