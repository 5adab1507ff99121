import type { ComponentRenderer } from '../types';
import { prometheusURL, storageClassName } from './clusterFacts';

/**
 * Tempo (grafana-community chart, single binary): the metrics generator writes
 * service graphs and span metrics into Prometheus' remote-write receiver,
 * which is what Grafana's traces-to-metrics and service map read.
 */
export const renderTempo: ComponentRenderer = ctx => ({
  values: {
    tempo: {
      metricsGenerator: {
        enabled: true,
        remoteWriteUrl: `${prometheusURL(ctx)}/api/v1/write`,
      },
    },
    persistence: { storageClassName: storageClassName(ctx) },
  },
});
