import type { ComponentRenderer, RenderContext } from '../types';
import { tempoHost } from './clusterFacts';
import { toKubeObject } from './kubeObject';
import { collectorImage } from './opentelemetryOperator';

/**
 * `OpenTelemetryCollector` of opentelemetry.io/v1beta1 (the storage version),
 * after open-telemetry/opentelemetry-operator config/crd/bases (v0.158.0);
 * `src/schemas/opentelemetrycollector-v1beta1.json` holds its schema. In
 * v1beta1 `spec.config` is an object, not a YAML string.
 */
export interface OpenTelemetryCollector {
  apiVersion: 'opentelemetry.io/v1beta1';
  kind: 'OpenTelemetryCollector';
  metadata: { name: string; namespace: string };
  spec: {
    mode: 'daemonset' | 'deployment' | 'sidecar' | 'statefulset';
    hostNetwork?: boolean;
    image?: string;
    managementState?: 'managed' | 'unmanaged';
    config: CollectorConfig;
  };
}

export interface CollectorConfig {
  receivers: Record<string, unknown>;
  processors?: Record<string, unknown>;
  exporters: Record<string, unknown>;
  service: {
    telemetry?: Record<string, unknown>;
    pipelines: Record<
      string,
      { receivers: string[]; processors?: string[]; exporters: string[] }
    >;
  };
}

/** Ports the collector listens on, on every node (hostNetwork). */
export const COLLECTOR_PORTS = {
  otlpGrpc: 4317,
  otlpHttp: 4318,
  jaegerGrpc: 14250,
  jaegerThriftHttp: 14268,
  jaegerThriftCompact: 6831,
};

export function collectorConfig(ctx: RenderContext): CollectorConfig {
  const listen = (port: number) => `0.0.0.0:${port}`;
  return {
    receivers: {
      otlp: {
        protocols: {
          grpc: { endpoint: listen(COLLECTOR_PORTS.otlpGrpc) },
          http: { endpoint: listen(COLLECTOR_PORTS.otlpHttp) },
        },
      },
      jaeger: {
        protocols: {
          grpc: { endpoint: listen(COLLECTOR_PORTS.jaegerGrpc) },
          thrift_http: { endpoint: listen(COLLECTOR_PORTS.jaegerThriftHttp) },
          thrift_compact: {
            endpoint: listen(COLLECTOR_PORTS.jaegerThriftCompact),
          },
        },
      },
    },
    processors: {
      memory_limiter: {
        check_interval: '5s',
        limit_mib: 409,
        spike_limit_mib: 128,
      },
      batch: {},
    },
    exporters: {
      // `logging` was removed in collector v0.111; `debug` replaces it.
      debug: { verbosity: 'basic' },
      'otlp/tempo': {
        endpoint: `${tempoHost(ctx)}:4317`,
        tls: { insecure: true },
      },
    },
    service: {
      pipelines: {
        traces: {
          receivers: ['otlp', 'jaeger'],
          processors: ['memory_limiter', 'batch'],
          exporters: ['debug', 'otlp/tempo'],
        },
      },
    },
  };
}

/**
 * The node-local collector: a DaemonSet on the host network so applications
 * send to `$(HOST_IP):4317/4318`; traces go to Tempo.
 */
export const renderOtelCollector: ComponentRenderer = ctx => {
  const collector: OpenTelemetryCollector = {
    apiVersion: 'opentelemetry.io/v1beta1',
    kind: 'OpenTelemetryCollector',
    metadata: { name: 'otel', namespace: ctx.addon.namespace },
    spec: {
      mode: 'daemonset',
      hostNetwork: true,
      // The CRD default, written so Git and the live object agree.
      managementState: 'managed',
      image: collectorImage(ctx),
      config: collectorConfig(ctx),
    },
  };
  return { manifests: [toKubeObject(collector)] };
};
