import { hubblePackageDefinition } from '../protos';
import type { WireFlow, WireServerStatusResponse } from '../wire';

/**
 * Test helper: encodes a plain object with the real protos and decodes it the
 * way @grpc/grpc-js hands it to the client, so printer tests see exactly the
 * shapes (defaults, nulls, enum names, uint64 strings) a relay produces.
 */
function roundTrip(service: string, method: string, message: object): any {
  const def = (hubblePackageDefinition()[service] as any)[method];
  return def.responseDeserialize(def.responseSerialize(message));
}

export function decodeFlow(flow: object): WireFlow {
  return roundTrip('observer.Observer', 'GetFlows', { flow }).flow;
}

export function decodeServerStatus(status: object): WireServerStatusResponse {
  return roundTrip('observer.Observer', 'ServerStatus', status);
}
