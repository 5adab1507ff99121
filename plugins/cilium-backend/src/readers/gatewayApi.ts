import {
  GatewayClassInfo,
  GatewayCounts,
  GatewayInfo,
  gatewaySearchText,
  HttpRouteCounts,
  HttpRouteInfo,
  httpRouteSearchText,
} from '@internal/plugin-cilium-common';
import { ClusterClient, KubeObject } from '../kubernetes/ClusterClient';
import { ItemIndex, NamespacedItem } from './ItemIndex';
import {
  countGateway,
  countHttpRoute,
  mapGateway,
  mapGatewayClass,
  mapHttpRoute,
} from '../mapping/gatewayApi';

const GROUP = 'gateway.networking.k8s.io';
const VERSION = 'v1';

/** A large section as read: counts for the document, an index for paging. */
export interface IndexedSection<T extends NamespacedItem, C> {
  counts: C;
  index: ItemIndex<T>;
}

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

/** Every object of `plural`, mapped and counted as pages arrive, indexed. */
async function readIndexed<T extends NamespacedItem, C>(
  client: ClusterClient,
  signal: AbortSignal,
  plural: string,
  counts: C,
  map: (o: KubeObject) => T,
  count: (counts: C, item: T) => void,
  searchText: (item: T) => string,
): Promise<IndexedSection<T, C>> {
  const items: T[] = [];
  await client.forEach(GROUP, VERSION, plural, { signal }, o => {
    const item = map(o);
    count(counts, item);
    items.push(item);
  });
  return { counts, index: ItemIndex.of(items, searchText) };
}

export function readGateways(
  client: ClusterClient,
  signal: AbortSignal,
): Promise<IndexedSection<GatewayInfo, GatewayCounts>> {
  return readIndexed(
    client,
    signal,
    'gateways',
    { total: 0, notAccepted: 0, notProgrammed: 0 },
    mapGateway,
    countGateway,
    gatewaySearchText,
  );
}

/** HTTPRoutes are the bulk of a cluster's objects. */
export function readHttpRoutes(
  client: ClusterClient,
  signal: AbortSignal,
): Promise<IndexedSection<HttpRouteInfo, HttpRouteCounts>> {
  return readIndexed(
    client,
    signal,
    'httproutes',
    { total: 0, notAccepted: 0, unresolvedRefs: 0 },
    mapHttpRoute,
    countHttpRoute,
    httpRouteSearchText,
  );
}
