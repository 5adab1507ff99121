import type { FlowsQuery } from '@internal/plugin-cilium-common';
import type { FlowFilter } from './generated/flow/FlowFilter';
import type { Timestamp } from './generated/google/protobuf/Timestamp';
import type { GetFlowsRequest } from './generated/observer/GetFlowsRequest';
import { MessageType } from './printer/names';

/**
 * Fields requested from the relay: the Hubble CLI's default field mask for
 * compact output (hubble/pkg/defaults FieldMask), plus what the verdict line
 * and `--print-policy-names` need (traffic_direction, policy_match_type,
 * *_allowed_by / *_denied_by) and the structured fields FlowRecord carries.
 */
export const FLOW_FIELD_MASK: readonly string[] = [
  // CLI default
  'time',
  'verdict',
  'ethernet',
  'IP',
  'l4',
  'source.identity',
  'source.namespace',
  'source.pod_name',
  'destination.identity',
  'destination.namespace',
  'destination.pod_name',
  'Type',
  'node_name',
  'l7',
  'event_type',
  'source_service',
  'destination_service',
  'is_reply',
  'Summary',
  'ip_trace_id',
  // verdict line and policy names
  'traffic_direction',
  'policy_match_type',
  'egress_allowed_by',
  'ingress_allowed_by',
  'egress_denied_by',
  'ingress_denied_by',
  // structured fields of FlowRecord
  'drop_reason_desc',
  'auth_type',
  'source.labels',
  'source.cluster_name',
  'source.workloads',
  'destination.labels',
  'destination.cluster_name',
  'destination.workloads',
  'source_names',
  'destination_names',
];

function toTimestamp(iso: string): Timestamp {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms))
    throw new Error(`Invalid since '${iso}': expected an ISO 8601 timestamp`);
  const seconds = Math.floor(ms / 1000);
  return { seconds: String(seconds), nanos: (ms - seconds * 1000) * 1e6 };
}

/**
 * The request `hubble observe [--type policy-verdict] [-n NS] [--verdict V] --last N`
 * sends: a namespace becomes two ORed whitelist filters (source_pod "NS/",
 * destination_pod "NS/"), each also carrying the verdict and event type.
 */
export function buildGetFlowsRequest(
  query: FlowsQuery,
  withFieldMask = true,
): GetFlowsRequest {
  if (!Number.isInteger(query.last) || query.last < 1) {
    throw new Error(`Invalid last ${query.last}: expected a positive integer`);
  }
  const common: FlowFilter = {};
  if (query.verdict) common.verdict = [query.verdict];
  if (query.policyVerdictsOnly)
    common.event_type = [{ type: MessageType.policyVerdict }];

  let whitelist: FlowFilter[] = [];
  if (query.namespace) {
    const prefix = `${query.namespace}/`;
    whitelist = [
      { source_pod: [prefix], ...common },
      { destination_pod: [prefix], ...common },
    ];
  } else if (Object.keys(common).length > 0) {
    whitelist = [common];
  }

  const request: GetFlowsRequest = {
    number: String(query.last),
    follow: false,
    whitelist,
    blacklist: [],
  };
  if (query.since) request.since = toTimestamp(query.since);
  if (withFieldMask) request.field_mask = { paths: [...FLOW_FIELD_MASK] };
  return request;
}
