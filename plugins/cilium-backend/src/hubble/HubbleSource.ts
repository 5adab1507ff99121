import {
  FlowRecord,
  FlowsQuery,
  FlowsSummaryQuery,
  FlowStreamQuery,
  GraphFlow,
  HubbleStatusInfo,
} from '@internal/plugin-cilium-common';
import type { FollowCall, FollowHandlers } from './follow';
import type { ClusterDefinition } from '../config/types';

/** What the status API needs from a Hubble Relay client. */
export interface HubbleSource {
  serverStatus(opts?: { signal?: AbortSignal }): Promise<HubbleStatusInfo>;
  getFlows(
    query: FlowsQuery,
    opts?: { signal?: AbortSignal },
  ): Promise<FlowRecord[]>;
  /** Flows for the service map, with the count sent and lost events per source. */
  getGraphFlows(
    query: FlowsSummaryQuery,
    opts?: { signal?: AbortSignal },
  ): Promise<{
    flows: GraphFlow[];
    received: number;
    lost: Record<string, number>;
  }>;
  /** A `follow` stream of new flows. */
  follow(query: FlowStreamQuery, handlers: FollowHandlers): FollowCall;
  close(): void;
}

/** Builds the Hubble client of a cluster with a `hubble` block. */
export type HubbleSourceFactory = (
  cluster: ClusterDefinition,
  defaultTimeoutMs: number,
) => HubbleSource;
