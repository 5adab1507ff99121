import { MeshOverview } from '@internal/plugin-cilium-common';

export const meshOverview: MeshOverview = {
  clusters: [
    {
      name: 'prod-eu-1',
      reachable: true,
      clusterId: 1,
      peers: [
        { name: 'prod-us-1', ready: true, source: 'hubble', connectedNodes: 3 },
        {
          name: 'staging-eu-1',
          ready: false,
          source: 'hubble',
          message: 'no nodes seen',
        },
      ],
    },
    {
      name: 'prod-us-1',
      reachable: true,
      clusterId: 2,
      peers: [
        { name: 'prod-eu-1', ready: true, source: 'hubble', connectedNodes: 2 },
      ],
    },
    {
      name: 'staging-eu-1',
      reachable: false,
      peers: [{ name: 'prod-eu-1', ready: null, source: 'none' }],
      error: {
        source: 'cluster',
        reason: 'unreachable',
        message: 'connect ECONNREFUSED 10.1.0.1:6443',
      },
    },
  ],
};
