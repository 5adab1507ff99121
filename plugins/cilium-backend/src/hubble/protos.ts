import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { resolvePackagePath } from '@backstage/backend-plugin-api';

/** Root of this package's .proto files (upstream's `api/v1` layout). */
export const HUBBLE_PROTO_DIR = resolvePackagePath(
  '@internal/plugin-cilium-backend',
  'proto',
);

/** Loader options every Hubble client and test server in this repo uses. */
export const HUBBLE_PROTO_LOADER_OPTIONS: protoLoader.Options = {
  keepCase: true,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
  includeDirs: [HUBBLE_PROTO_DIR],
};

let cached: protoLoader.PackageDefinition | undefined;

/**
 * observer.Observer (with flow and relay) plus grpc.health.v1.Health; Google
 * well-known types come from protobufjs' bundled definitions.
 */
export function hubblePackageDefinition(): protoLoader.PackageDefinition {
  cached ??= protoLoader.loadSync(
    ['observer/observer.proto', 'grpc/health/v1/health.proto'],
    HUBBLE_PROTO_LOADER_OPTIONS,
  );
  return cached;
}

export interface HubbleServiceConstructors {
  Observer: grpc.ServiceClientConstructor;
  Health: grpc.ServiceClientConstructor;
}

export function hubbleServiceConstructors(): HubbleServiceConstructors {
  const loaded = grpc.loadPackageDefinition(hubblePackageDefinition()) as any;
  return {
    Observer: loaded.observer.Observer,
    Health: loaded.grpc.health.v1.Health,
  };
}
