import * as grpc from '@grpc/grpc-js';
import type {
  FlowRecord,
  FlowStreamQuery,
} from '@internal/plugin-cilium-common';
import { buildGetFlowsRequest } from './flowsRequest';
import { toFlowRecord } from './flowRecord';
import type { ObserverClient } from './generated/observer/Observer';
import type { GetFlowsRequest } from './generated/observer/GetFlowsRequest';
import type { WireGetFlowsResponse } from './wire';

export interface FollowHandlers {
  onFlow(flow: FlowRecord): void;
  /** A `lost_events` message of the relay. */
  onLost?(source: string, count: number): void;
  /** The relay ended the stream (err undefined) or failed; not called after `cancel()`. */
  onEnd(err?: Error): void;
}

export interface FollowCall {
  cancel(): void;
}

/**
 * The request `hubble observe --follow [-n NS] [--verdict V] [--type policy-verdict]`
 * sends: the same filters as a bounded read, `follow: true` and `number: 0`,
 * which makes the server start at the newest flow and send only flows that
 * happen from then on (cilium pkg/hubble/observer/local_observer.go: with
 * follow and neither number nor since, reading starts at the ring buffer's
 * end).
 */
export function buildFollowRequest(
  query: FlowStreamQuery,
  withFieldMask = true,
): GetFlowsRequest {
  return {
    ...buildGetFlowsRequest({ ...query, last: 1 }, withFieldMask),
    number: '0',
    follow: true,
  };
}

/**
 * Opens a `follow` GetFlows stream (no deadline: it lasts until cancelled)
 * and hands each flow over as a FlowRecord.
 */
export function followFlows(
  observer: ObserverClient,
  request: GetFlowsRequest,
  handlers: FollowHandlers,
  wrapError: (err: unknown) => Error,
): FollowCall {
  const call = observer.GetFlows(request, new grpc.Metadata(), {});
  let done = false;
  call.on('data', (res: WireGetFlowsResponse) => {
    if (done) return;
    if (res.flow) handlers.onFlow(toFlowRecord(res.flow));
    else if (res.lost_events)
      handlers.onLost?.(
        res.lost_events.source || 'UNKNOWN_LOST_EVENT_SOURCE',
        Number(res.lost_events.num_events_lost),
      );
  });
  const end = (err?: unknown) => {
    if (done) return;
    done = true;
    handlers.onEnd(err ? wrapError(err) : undefined);
  };
  call.on('error', (err: unknown) => end(err));
  call.on('end', () => end());
  return {
    cancel: () => {
      if (done) return;
      done = true;
      call.cancel();
    },
  };
}
