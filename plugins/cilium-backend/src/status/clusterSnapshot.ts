import {
  ClusterStatus,
  GatewayInfo,
  HttpRouteInfo,
} from '@internal/plugin-cilium-common';
import { ItemIndex } from '../readers/ItemIndex';

/**
 * One read of a cluster: the status document, with counts for the large
 * sections, and those sections indexed for paging. Pages and document come
 * from the same snapshot, so they agree.
 */
export interface ClusterSnapshot {
  status: ClusterStatus;
  gateways?: ItemIndex<GatewayInfo>;
  httpRoutes?: ItemIndex<HttpRouteInfo>;
}
