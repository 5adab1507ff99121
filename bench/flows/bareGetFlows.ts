import * as grpc from '@grpc/grpc-js';
import { buildGetFlowsRequest } from '@internal/plugin-cilium-backend/src/hubble/flowsRequest';
import { hubbleServiceConstructors } from '@internal/plugin-cilium-backend/src/hubble/protos';

/**
 * The floor: a plain gRPC client reading GetFlows to the end with the same
 * request the summary sends (same protos and decoding options, same field
 * mask), doing nothing with the flows but counting them.
 */
export function bareGetFlows(address: string) {
  const { Observer } = hubbleServiceConstructors();
  const client: any = new Observer(address, grpc.credentials.createInsecure());
  return {
    read: (last: number) =>
      new Promise<number>((resolve, reject) => {
        let n = 0;
        const call = client.GetFlows(buildGetFlowsRequest({ last }));
        call.on('data', (res: any) => {
          if (res.flow) n++;
        });
        call.on('error', reject);
        call.on('end', () => resolve(n));
      }),
    close: () => client.close(),
  };
}
