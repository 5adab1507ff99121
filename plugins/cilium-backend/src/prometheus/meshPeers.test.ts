import { MeshPeerInfo } from '@internal/plugin-cilium-common';
import { withPrometheusReadiness } from './meshPeers';

const hubbleView: MeshPeerInfo[] = [
  { name: 'east', ready: true, source: 'hubble', connectedNodes: 2 },
  { name: 'west', ready: true, source: 'hubble', connectedNodes: 1 },
];

describe('withPrometheusReadiness', () => {
  it('is ready only when every agent reporting the peer says ready', () => {
    const peers = withPrometheusReadiness(
      hubbleView,
      [
        { cluster: 'east', readyAgents: 3, agents: 3, failures: 0 },
        { cluster: 'west', readyAgents: 2, agents: 3, failures: 7 },
      ],
      undefined,
    );
    expect(peers).toEqual([
      {
        name: 'east',
        ready: true,
        source: 'prometheus',
        connectedNodes: 2,
        agents: { ready: 3, total: 3 },
        failures: 0,
      },
      {
        name: 'west',
        ready: false,
        source: 'prometheus',
        connectedNodes: 1,
        agents: { ready: 2, total: 3 },
        failures: 7,
        message: '2 of 3 agents report west ready',
      },
    ]);
  });

  it('says when no agent knows a peer, and when KVStoreMesh disagrees', () => {
    const [east, west] = withPrometheusReadiness(
      hubbleView,
      [
        {
          cluster: 'east',
          readyAgents: 1,
          agents: 1,
          kvstoremesh: { ready: false, failures: 2 },
        },
      ],
      undefined,
    );
    expect(east).toMatchObject({
      ready: true,
      source: 'prometheus',
      message: 'KVStoreMesh reports east not ready',
    });
    expect(west).toMatchObject({
      ready: false,
      source: 'prometheus',
      message: 'No Cilium agent reports west as a remote cluster',
    });
  });

  it('keeps Hubble as a labelled fallback without series, without Prometheus, or when it fails', () => {
    expect(withPrometheusReadiness(hubbleView, [], undefined)[0]).toEqual({
      ...hubbleView[0],
      fallbackReason:
        'Prometheus has no cilium_clustermesh_remote_cluster_readiness_status series',
    });
    expect(
      withPrometheusReadiness(hubbleView, undefined, undefined)[1]
        .fallbackReason,
    ).toBe('No Prometheus configured (cilium.clusters[].prometheus)');
    expect(
      withPrometheusReadiness(hubbleView, undefined, {
        source: 'prometheus',
        reason: 'unreachable',
        message: 'Could not reach Prometheus: ECONNREFUSED',
      })[0],
    ).toMatchObject({
      source: 'hubble',
      ready: true,
      fallbackReason:
        'Prometheus unavailable: Could not reach Prometheus: ECONNREFUSED',
    });
  });
});
