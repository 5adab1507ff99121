import { ClusterMetrics, MetricsRange } from '@internal/plugin-cilium-common';
import { ClusterConnections } from '../connections/ClusterConnections';
import { ResponseCache } from './ResponseCache';
import { valueCodec } from './valueCodec';
import {
  notConfiguredMetrics,
  readClusterMetrics,
} from '../prometheus/readMetrics';
import { requireConnection } from '../connections/requireConnection';

/**
 * The metrics route: fixed PromQL against the cluster's configured
 * Prometheus, cached and coalesced per cluster and range like the status
 * document. Only configured clusters and URLs are ever contacted.
 */
export class MetricsService {
  constructor(
    private readonly connections: ClusterConnections,
    private readonly cache: ResponseCache,
  ) {}

  async metrics(name: string, range: MetricsRange): Promise<ClusterMetrics> {
    const conn = requireConnection(this.connections, name);
    return this.cache.get(
      `cilium:metrics:${name}:${range}`,
      async () => {
        if (conn.prometheus) {
          return readClusterMetrics(name, conn.prometheus, range);
        }
        const doc = notConfiguredMetrics(name, range);
        if (conn.prometheusConfigError) {
          // A bad block: every part says why instead of "not configured".
          const error = {
            reason: 'error' as const,
            message: conn.prometheusConfigError,
          };
          for (const key of [
            'meshReadiness',
            'meshApiserverSyncErrors',
            'flowsByVerdict',
            'dropsByReason',
            'http',
            'bgpSessions',
          ] as const) {
            doc[key] = { promql: doc[key].promql, error };
          }
        }
        return doc;
      },
      valueCodec,
    );
  }
}
