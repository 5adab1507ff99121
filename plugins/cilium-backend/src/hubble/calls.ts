import * as grpc from '@grpc/grpc-js';
import { abortError, isGrpcError } from './errors';
import { NewestFlows } from './newestFlows';
import type { ObserverClient } from './generated/observer/Observer';
import type { GetFlowsRequest } from './generated/observer/GetFlowsRequest';
import type { WireFlow, WireGetFlowsResponse } from './wire';

/** Per-call deadline and cancellation. */
export interface CallControl {
  deadline: Date;
  signal?: AbortSignal;
}

export function isGrpcCode(err: unknown, ...codes: grpc.status[]): boolean {
  return isGrpcError(err) && codes.includes(err.code);
}

/**
 * Starts one unary call of a generated client, e.g.
 * `(metadata, options, callback) => observer.ServerStatus({}, metadata, options, callback)`.
 */
export type StartUnaryCall<T> = (
  metadata: grpc.Metadata,
  options: grpc.CallOptions,
  callback: grpc.requestCallback<T>,
) => grpc.ClientUnaryCall;

/**
 * Runs a unary call of a generated client. Rejects with the raw gRPC error
 * (callers decide what to degrade), or an AbortError when `signal` fires;
 * `method` names the call in that error.
 */
export function unaryCall<T>(
  method: string,
  start: StartUnaryCall<T>,
  { deadline, signal }: CallControl,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError(method));
      return;
    }
    let aborted = false;
    let call: grpc.ClientUnaryCall | undefined = undefined;
    const onAbort = () => {
      aborted = true;
      call?.cancel();
    };
    call = start(new grpc.Metadata(), { deadline }, (err, res) => {
      signal?.removeEventListener('abort', onAbort);
      if (aborted) reject(abortError(method));
      else if (err) reject(err);
      // grpc-js passes the decoded response whenever err is null.
      else resolve(res as T);
    });
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Stop reading after this many flows per requested flow: a relay sends at
 * most one `number` per node, so this only trips on a misbehaving server.
 */
export const MAX_FLOWS_READ_FACTOR = 64;

/** What a read saw besides the flows it returns. */
export interface ReadStats {
  /** Flows the relay sent (kept or not). */
  received: number;
  /** `lost_events` messages summed per source. */
  lost: Record<string, number>;
}

/**
 * Reads a GetFlows stream (follow: false) until the relay ends it and returns
 * the newest `limit` flows, oldest first. node_status responses, which a
 * relay interleaves with flows, are skipped; lost_events are summed into
 * `stats` when given.
 */
export function collectFlows(
  observer: ObserverClient,
  request: GetFlowsRequest,
  limit: number,
  { deadline, signal }: CallControl,
  stats?: ReadStats,
): Promise<WireFlow[]> {
  return new Promise<WireFlow[]>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError('GetFlows'));
      return;
    }
    const newest = new NewestFlows(limit);
    let settled = false;
    let aborted = false;
    const call = observer.GetFlows(request, new grpc.Metadata(), { deadline });
    const onAbort = () => {
      aborted = true;
      call.cancel();
    };
    const finish = (err?: unknown) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      if (stats) stats.received = newest.received;
      if (err) reject(err);
      else resolve(newest.result());
    };
    call.on('data', (res: WireGetFlowsResponse) => {
      if (stats && res.lost_events) {
        const source = res.lost_events.source || 'UNKNOWN_LOST_EVENT_SOURCE';
        stats.lost[source] =
          (stats.lost[source] ?? 0) + Number(res.lost_events.num_events_lost);
      }
      if (!res.flow || settled) return;
      newest.add(res.flow);
      if (newest.received >= limit * MAX_FLOWS_READ_FACTOR) {
        finish();
        call.cancel();
      }
    });
    call.on('error', (err: unknown) =>
      finish(aborted ? abortError('GetFlows') : err),
    );
    call.on('end', () => finish());
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
