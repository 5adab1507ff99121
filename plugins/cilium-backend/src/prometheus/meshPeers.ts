import {
  MeshPeerInfo,
  MetricError,
  RemoteClusterReadiness,
  SourceError,
  SourceErrorReason,
} from '@internal/plugin-cilium-common';
import { SourceResult } from '../sources/runSource';
import { PrometheusClient } from './PrometheusClient';
import { readMeshReadiness } from './readMetrics';

const REASONS: Record<MetricError['reason'], SourceErrorReason> = {
  bad_data: 'error',
  execution: 'error',
  timeout: 'timeout',
  unauthorized: 'unauthorized',
  unreachable: 'unreachable',
  'not-configured': 'not-configured',
  error: 'error',
};

/** A query's error as the status document's `prometheus` source error. */
export function prometheusSourceError(e: MetricError): SourceError {
  const out: SourceError = {
    source: 'prometheus',
    reason: REASONS[e.reason],
    message: e.message,
  };
  if (e.statusCode !== undefined) out.statusCode = e.statusCode;
  return out;
}

/**
 * The status document's Prometheus read: per remote cluster readiness, or
 * undefined when the cluster has no Prometheus configured.
 */
export async function readMeshReadinessSource(
  client: PrometheusClient | undefined,
  configError: string | undefined,
): Promise<SourceResult<RemoteClusterReadiness[]> | undefined> {
  if (configError) {
    return {
      ok: false,
      error: { source: 'prometheus', reason: 'error', message: configError },
    };
  }
  if (!client) return undefined;
  const r = await readMeshReadiness(client);
  return r.error
    ? { ok: false, error: prometheusSourceError(r.error) }
    : { ok: true, value: r.value! };
}

/**
 * Peers with Prometheus as the primary readiness source: a peer is ready
 * when every local agent reporting it says ready
 * (`cilium_clustermesh_remote_cluster_readiness_status` = 1). Hubble's view
 * (`hubblePeers`) stays where Prometheus cannot tell, marked with why.
 */
export function withPrometheusReadiness(
  hubblePeers: MeshPeerInfo[],
  readiness: RemoteClusterReadiness[] | undefined,
  prometheusError: SourceError | undefined,
): MeshPeerInfo[] {
  return hubblePeers.map(peer => {
    const fallback = (reason: string): MeshPeerInfo => ({
      ...peer,
      fallbackReason: reason,
    });
    if (prometheusError) {
      return fallback(`Prometheus unavailable: ${prometheusError.message}`);
    }
    if (!readiness) {
      return fallback(
        'No Prometheus configured (cilium.clusters[].prometheus)',
      );
    }
    if (readiness.length === 0) {
      return fallback(
        'Prometheus has no cilium_clustermesh_remote_cluster_readiness_status series',
      );
    }
    const r = readiness.find(x => x.cluster === peer.name);
    const base: MeshPeerInfo = {
      name: peer.name,
      ready: false,
      source: 'prometheus',
    };
    if (peer.connectedNodes !== undefined)
      base.connectedNodes = peer.connectedNodes;
    if (!r) {
      return {
        ...base,
        message: `No Cilium agent reports ${peer.name} as a remote cluster`,
      };
    }
    base.agents = { ready: r.readyAgents, total: r.agents };
    if (r.failures !== undefined) base.failures = r.failures;
    base.ready = r.agents > 0 && r.readyAgents >= r.agents;
    if (!base.ready) {
      base.message = `${r.readyAgents} of ${r.agents} agents report ${peer.name} ready`;
    } else if (r.kvstoremesh && !r.kvstoremesh.ready) {
      base.message = `KVStoreMesh reports ${peer.name} not ready`;
    }
    return base;
  });
}
