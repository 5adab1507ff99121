import * as grpc from '@grpc/grpc-js';
import { abortError, isGrpcError } from './errors';
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
    const onAbort = () => {
      aborted = true;
      call.cancel();
    };
    const call = client[method](
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
 * Reads a GetFlows stream until it ends or `limit` flows arrived (then
 * cancels it). node_status and lost_events responses, which a relay
 * interleaves with flows, are skipped.
 */
export function collectFlows(
  observer: any,
  request: object,
  limit: number,
  { deadline, signal }: CallControl,
): Promise<WireFlow[]> {
  return new Promise<WireFlow[]>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError('GetFlows'));
      return;
    }
    const flows: WireFlow[] = [];
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
      if (err) reject(err);
      else resolve(flows);
    };
    call.on('data', (res: WireGetFlowsResponse) => {
      if (!res.flow || settled) return;
      flows.push(res.flow);
      if (flows.length >= limit) {
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
