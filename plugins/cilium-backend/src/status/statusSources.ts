import {
  ClusterStatus,
  HubbleStatusInfo,
  StatusSource,
} from '@internal/plugin-cilium-common';
import { ClusterConnection } from '../connections/ClusterConnections';
import {
  readGatewayClasses,
  readGateways,
  readHttpRoutes,
} from '../readers/gatewayApi';
import {
  readBgp,
  readCiliumConfig,
  readCiliumNodes,
  readLbIpPools,
} from '../readers/cilium';
import {
  ClusterMeshApiserverRead,
  readClusterMeshApiserver,
} from '../readers/clusterMesh';
import { readArgoApplications } from '../readers/argocd';
import { readMeshReadinessSource } from '../prometheus/meshPeers';
import { runSource, SourceResult } from '../sources/runSource';
import { ClusterSnapshot } from './clusterSnapshot';

/** What the mappers write into while a cluster is read. */
export interface StatusDraft {
  status: ClusterStatus;
  snapshot: ClusterSnapshot;
  /** The clustermesh-apiserver read, for the mesh section made last. */
  meshApiserver?: ClusterMeshApiserverRead;
}

/**
 * One source of the status document: its name (the `source` of its error),
 * how it is read and how its value lands in the document.
 */
export interface StatusSourceDef<T> {
  name: StatusSource;
  /** A Kubernetes read: all of them failing alike is one cluster error. */
  kubernetes: boolean;
  /** The read, with its own timeout; undefined: the cluster has no such source. */
  run(
    conn: ClusterConnection,
    timeoutMs: number,
  ): Promise<SourceResult<T> | undefined>;
  map(value: T, draft: StatusDraft): void;
}

/** A source read by `reader` with its own timeout (see `runSource`). */
function source<T>(
  name: StatusSource,
  kubernetes: boolean,
  reader: (conn: ClusterConnection, signal: AbortSignal) => Promise<T>,
  map: (value: T, draft: StatusDraft) => void,
): StatusSourceDef<T> {
  return {
    name,
    kubernetes,
    run: (conn, timeoutMs) => runSource(name, timeoutMs, s => reader(conn, s)),
    map,
  };
}

/** A source that is a field of the document as read. */
function field<K extends keyof ClusterStatus & StatusSource>(
  name: K,
  reader: (
    conn: ClusterConnection,
    signal: AbortSignal,
  ) => Promise<NonNullable<ClusterStatus[K]>>,
): StatusSourceDef<NonNullable<ClusterStatus[K]>> {
  return source(name, true, reader, (value, { status }) => {
    status[name] = value;
  });
}

const hubbleSource: StatusSourceDef<HubbleStatusInfo> = {
  name: 'hubble',
  kubernetes: false,
  async run(conn, timeoutMs) {
    const hubble = conn.hubble;
    if (!hubble) {
      return {
        ok: false,
        error: {
          source: 'hubble',
          reason: 'not-configured',
          message: `No Hubble Relay configured for cluster ${conn.cluster.name} (cilium.clusters[].hubble.address)`,
        },
      };
    }
    return runSource('hubble', timeoutMs, signal =>
      hubble.serverStatus({ signal }),
    );
  },
  map: (value, { status }) => {
    status.hubble = value;
  },
};

/**
 * Every source of a cluster's status document, read in parallel. Errors are
 * listed in this order, and the document's sections are written in it.
 */
export const STATUS_SOURCES: StatusSourceDef<any>[] = [
  field('ciliumConfig', (c, s) =>
    readCiliumConfig(c.kubernetes, c.cluster.ciliumNamespace, s),
  ),
  field('gatewayClasses', (c, s) => readGatewayClasses(c.kubernetes, s)),
  source(
    'gateways',
    true,
    (c, s) => readGateways(c.kubernetes, s),
    (v, { status, snapshot }) => {
      status.gatewayCounts = v.counts;
      snapshot.gateways = v.index;
    },
  ),
  source(
    'httpRoutes',
    true,
    (c, s) => readHttpRoutes(c.kubernetes, s),
    (v, { status, snapshot }) => {
      status.httpRouteCounts = v.counts;
      snapshot.httpRoutes = v.index;
    },
  ),
  field('ciliumNodes', (c, s) => readCiliumNodes(c.kubernetes, s)),
  field('lbIpPools', (c, s) => readLbIpPools(c.kubernetes, s)),
  field('bgp', (c, s) => readBgp(c.kubernetes, s)),
  source(
    'argocd',
    false,
    (c, s) => readArgoApplications(c.argocd, c.cluster.argocd, s),
    (applications, { status }) => {
      status.argocd = { applications };
    },
  ),
  hubbleSource,
  {
    name: 'prometheus',
    kubernetes: false,
    // Bounded by the Prometheus client's own timeout.
    run: conn =>
      readMeshReadinessSource(conn.prometheus, conn.prometheusConfigError),
    map: (value, { status }) => {
      status.meshReadiness = value;
    },
  },
  // Last: the mesh section combines it with cilium-config (see
  // readClusterStatus), and its error comes after the others.
  source(
    'clusterMesh',
    true,
    (c, s) =>
      readClusterMeshApiserver(c.kubernetes, c.cluster.ciliumNamespace, s),
    (value, draft) => {
      draft.meshApiserver = value;
    },
  ),
];
