import * as grpc from '@grpc/grpc-js';

/** A failed call to Hubble Relay, with the gRPC status name (e.g. `DEADLINE_EXCEEDED`). */
export class HubbleRelayError extends Error {
  readonly name = 'HubbleRelayError';
  constructor(
    message: string,
    readonly rpc: string,
    readonly code: string,
    readonly timedOut: boolean,
  ) {
    super(message);
  }
}

export function isGrpcError(err: unknown): err is grpc.ServiceError {
  return (
    typeof err === 'object' &&
    err !== null &&
    'code' in err &&
    typeof err.code === 'number' &&
    'details' in err
  );
}

export function grpcCodeName(code: number): string {
  return grpc.status[code] ?? String(code);
}

/** Turns a gRPC error into a message that names the relay, the RPC and what went wrong. */
export function toHubbleRelayError(
  err: unknown,
  address: string,
  rpc: string,
  timeoutMs: number,
): Error {
  if (!isGrpcError(err))
    return err instanceof Error ? err : new Error(String(err));
  const code = grpcCodeName(err.code);
  if (err.code === grpc.status.DEADLINE_EXCEEDED) {
    return new HubbleRelayError(
      `Hubble Relay at ${address} did not answer ${rpc} within ${timeoutMs} ms (${code})`,
      rpc,
      code,
      true,
    );
  }
  const detail = err.details || err.message;
  return new HubbleRelayError(
    `Hubble Relay at ${address}: ${rpc} failed: ${code}: ${detail}`,
    rpc,
    code,
    false,
  );
}

export function abortError(rpc: string): Error {
  const err = new Error(`Hubble Relay ${rpc} was aborted`);
  err.name = 'AbortError';
  return err;
}
