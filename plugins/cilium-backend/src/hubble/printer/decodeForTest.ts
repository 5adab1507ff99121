import type { Flow } from '../generated/flow/Flow';
import type { ObserverDefinition } from '../generated/observer/Observer';
import type { ServerStatusResponse } from '../generated/observer/ServerStatusResponse';
import { hubblePackageDefinition } from '../protos';
import type { WireFlow, WireServerStatusResponse } from '../wire';

/**
 * Test helper: encodes a plain object with the real protos and decodes it the
 * way @grpc/grpc-js hands it to the client, so printer tests see exactly the
 * shapes (defaults, nulls, enum names, uint64 strings) a relay produces.
 */
function observer(): ObserverDefinition {
  return hubblePackageDefinition()[
    'observer.Observer'
  ] as unknown as ObserverDefinition;
}

export function decodeFlow(flow: Flow): WireFlow {
  const { GetFlows } = observer();
  const res = GetFlows.responseDeserialize(
    GetFlows.responseSerialize({ flow }),
  );
  if (!res.flow) throw new Error('GetFlowsResponse lost its flow');
  return res.flow;
}

export function decodeServerStatus(
  status: ServerStatusResponse,
): WireServerStatusResponse {
  const { ServerStatus } = observer();
  return ServerStatus.responseDeserialize(
    ServerStatus.responseSerialize(status),
  );
}
