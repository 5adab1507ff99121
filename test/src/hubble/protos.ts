import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import path from 'node:path';

// eslint-disable-next-line no-restricted-syntax -- test servers run from source in this repo
const sourceDir = __dirname;
/** The same .proto files the plugin's client uses (upstream Cilium names and numbers). */
export const HUBBLE_PROTO_DIR = path.resolve(
  sourceDir,
  '../../../plugins/cilium-backend/proto',
);

export function loadHubbleServices(): {
  Observer: grpc.ServiceClientConstructor;
  Health: grpc.ServiceClientConstructor;
} {
  const definition = protoLoader.loadSync(
    ['observer/observer.proto', 'grpc/health/v1/health.proto'],
    {
      keepCase: true,
      longs: String,
      enums: String,
      defaults: true,
      oneofs: true,
      includeDirs: [HUBBLE_PROTO_DIR],
    },
  );
  const loaded = grpc.loadPackageDefinition(definition) as any;
  return {
    Observer: loaded.observer.Observer,
    Health: loaded.grpc.health.v1.Health,
  };
}
