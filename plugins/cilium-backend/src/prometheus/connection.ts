import { ClusterDefinition } from '../config/types';
import { readPrometheusSettings } from './config';
import { PrometheusClient } from './PrometheusClient';

/**
 * The cluster's Prometheus client, built from its `prometheus` block; a bad
 * block becomes an error message (shown where Prometheus data would be)
 * instead of failing the backend's startup.
 */
export function prometheusFor(
  cluster: ClusterDefinition,
  defaultTimeoutMs: number,
): { prometheus?: PrometheusClient; prometheusConfigError?: string } {
  if (!cluster.prometheus) return {};
  try {
    const settings = readPrometheusSettings(
      cluster.name,
      cluster.prometheus,
      defaultTimeoutMs,
    );
    return { prometheus: new PrometheusClient(settings) };
  } catch (e) {
    return {
      prometheusConfigError: `Invalid Prometheus configuration for cluster ${
        cluster.name
      }: ${(e as Error).message}`,
    };
  }
}
