import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type { ProtoGrpcType as HealthProto } from './generated/health';
import type { ProtoGrpcType as ObserverProto } from './generated/observer';

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

/** Entry .proto files (relative to HUBBLE_PROTO_DIR) the client loads. */
export const HUBBLE_PROTO_FILES = [
  'observer/observer.proto',
  'grpc/health/v1/health.proto',
];

let cached: protoLoader.PackageDefinition | undefined;

/**
 * observer.Observer (with flow and relay) plus grpc.health.v1.Health; Google
 * well-known types come from protobufjs' bundled definitions.
 */
export function hubblePackageDefinition(): protoLoader.PackageDefinition {
  cached ??= protoLoader.loadSync(
    HUBBLE_PROTO_FILES,
    HUBBLE_PROTO_LOADER_OPTIONS,
  );
  return cached;
}

export interface HubbleServiceConstructors {
  Observer: ObserverProto['observer']['Observer'];
  Health: HealthProto['grpc']['health']['v1']['Health'];
}

export function hubbleServiceConstructors(): HubbleServiceConstructors {
  // The generated ProtoGrpcType types (yarn generate:hubble-types) describe
  // what loadPackageDefinition builds from these protos and options.
  const loaded = grpc.loadPackageDefinition(
    hubblePackageDefinition(),
  ) as unknown as ObserverProto & HealthProto;
  return {
    Observer: loaded.observer.Observer,
    Health: loaded.grpc.health.v1.Health,
  };
}
