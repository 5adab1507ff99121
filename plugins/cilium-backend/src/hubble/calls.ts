import * as grpc from '@grpc/grpc-js';
import { abortError, isGrpcError } from './errors';
import { NewestFlows } from './newestFlows';
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
 * Calls a unary method of a proto-loader client. Rejects with the raw gRPC
 * error (callers decide what to degrade), or an AbortError when `signal` fires.
 */
export function unaryCall<T>(
  client: any,
  method: string,
  request: object,
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
    call = client[method](
      request,
      new grpc.Metadata(),
      { deadline },
      (err: grpc.ServiceError | null, res: T) => {
        signal?.removeEventListener('abort', onAbort);
        if (aborted) reject(abortError(method));
        else if (err) reject(err);
        else resolve(res);
      },
    );
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
  observer: any,
  request: object,
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
