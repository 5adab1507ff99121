import { SourceError } from './errors';
import { FlowRecord, Verdict } from './hubble';

/** Bounds of the `last` query parameter of the flows summary route. */
export const FLOWS_SUMMARY_LAST_MIN = 1;
export const FLOWS_SUMMARY_LAST_MAX = 10_000;
export const FLOWS_SUMMARY_LAST_DEFAULT = 10_000;

/** Query of `GET /clusters/:name/flows/summary`, echoed in the answer. */
export interface FlowsSummaryQuery {
  namespace?: string;
  /** 1..10,000 flows read from the relay (the newest). */
  last: number;
  /** ISO 8601. */
  since?: string;
}

/**
 * What a service-map node stands for, in the order it is derived from a
 * flow endpoint: its workload (Deployment, StatefulSet, ...), else its pod,
 * else the DNS name of an egress destination outside the cluster, else a
 * reserved identity (world, host, kube-apiserver, remote-node, ...), else
 * its identity's labels, else its IP.
 */
export type FlowNodeKind =
  | 'workload'
  | 'pod'
  | 'fqdn'
  | 'reserved'
  | 'identity'
  | 'ip';

export interface FlowGraphNode {
  /** Stable id, e.g. `tenant-jobs/worker`, `reserved:world`, `fqdn:example.org`. */
  id: string;
  namespace?: string;
  /** Display name: workload, pod, DNS name, reserved identity or IP. */
  name: string;
  kind: FlowNodeKind;
  /** e.g. `Deployment` for a workload node. */
  workloadKind?: string;
  /** Set when the endpoint lives in another cluster of the mesh. */
  cluster?: string;
}

export type FlowPolicyVerdict = 'allowed' | 'denied';

export interface FlowEdgePolicy {
  name: string;
  namespace?: string;
  kind?: string;
  verdict: FlowPolicyVerdict;
  /** Flows of the edge that named this policy. */
  count: number;
}

export interface FlowEdgeL7 {
  /** Requests per HTTP method and responses per status class (`2xx`, ...). */
  http?: {
    methods: Record<string, number>;
    statusClasses: Record<string, number>;
  };
  /** DNS queries (`example.org.`) and how many flows carried each. */
  dns?: { queries: Record<string, number> };
}

/**
 * All flows from `source` to `destination` on one destination port and
 * protocol. Replies are counted on the edge of the request they answer
 * (client → server), like a service map draws a connection.
 */
export interface FlowGraphEdge {
  /** `source→destination:port/protocol`. */
  id: string;
  source: string;
  destination: string;
  /** Destination (server) port; absent for ICMP and protocols without ports. */
  port?: number;
  /** `TCP`, `UDP`, `ICMPv4`, ..., or `unknown`. */
  protocol: string;
  /** Flows on this edge. */
  flows: number;
  verdicts: Partial<Record<Verdict, number>>;
  /** Drop reason (`POLICY_DENIED`, ...) → flows. */
  dropReasons: Record<string, number>;
  policies: FlowEdgePolicy[];
  l7: FlowEdgeL7;
  /** ISO 8601. */
  firstSeen: string;
  lastSeen: string;
}

/** Events the relay could not deliver, so the summary does not show them. */
export interface FlowLostEvents {
  /** Sum of the `lost_events` messages in this read's stream. */
  inStream: number;
  /** The same, per source (`HUBBLE_RING_BUFFER`, `PERF_EVENT_RING_BUFFER`, ...). */
  bySource: Record<string, number>;
  /**
   * From `ServerStatus`: flows seen since start that are no longer in the
   * ring buffers (seen − current), i.e. history this answer cannot cover.
   * Absent when ServerStatus could not be read.
   */
  evictedFromBuffers?: number;
  /** `ServerStatus` current and maximum flows in the ring buffers. */
  numFlows?: number;
  maxFlows?: number;
}

/** Answer of `GET /clusters/:name/flows/summary`. */
export interface FlowsSummary {
  cluster: string;
  query: FlowsSummaryQuery;
  /** Times of the oldest and newest flow read (ISO 8601); null when none. */
  window: { oldest: string | null; newest: string | null };
  /** Flows aggregated; equals the sum of every edge's verdict counts. */
  flowsRead: number;
  /** True when the relay sent at least `last` flows: older matching flows may exist beyond the window. */
  truncated: boolean;
  lostEvents: FlowLostEvents;
  nodes: FlowGraphNode[];
  edges: FlowGraphEdge[];
  /** Hubble UI of this cluster, when configured (`hubble.uiUrl`). */
  hubbleUiUrl?: string;
  /** The relay could not be read (the graph is then empty). */
  error?: SourceError;
}

/** Query of the live stream `GET /clusters/:name/flows/stream`. */
export interface FlowStreamQuery {
  namespace?: string;
  verdict?: Verdict;
  policyVerdictsOnly?: boolean;
}

/**
 * Server-Sent Events of the live stream, by `event:` name; `data:` is the
 * JSON of the matching type.
 */
export interface FlowStreamEvents {
  /** One flow, as the flows route returns it. */
  flow: FlowRecord;
  /** The relay sent more than the limit in the last second; only some were sent. */
  sampling: FlowStreamSampling;
  /** Events the relay lost (its `lost_events` messages). */
  lost: { source: string; count: number };
  /** The stream ended; the browser should not reconnect on its own. */
  end: FlowStreamEnd;
}

export interface FlowStreamSampling {
  /** Flows per second the server forwards at most. */
  limitPerSecond: number;
  /** Flows received from the relay in the last window. */
  received: number;
  /** Flows sent to subscribers in the last window. */
  sent: number;
  windowMs: number;
}

export interface FlowStreamEnd {
  reason: 'max-duration' | 'relay-ended' | 'relay-error' | 'shutdown';
  message: string;
}

/** Names of the stream's events. */
export const FLOW_STREAM_EVENTS = ['flow', 'sampling', 'lost', 'end'] as const;
