import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import { ClusterStatus } from '@internal/plugin-cilium-common';
import { clusterStatus } from '../../__fixtures__/clusterStatus';
import { ClusterMeshBody } from './ClusterMeshBody';
import { readinessSourceText } from './readinessSource';

jest.setTimeout(30_000);

const withPeers = (
  peers: ClusterStatus['clusterMesh'] extends infer M
    ? M extends { peers: infer P }
      ? P
      : never
    : never,
): ClusterStatus => ({
  ...clusterStatus,
  clusterMesh: { ...clusterStatus.clusterMesh!, peers },
});

describe('mesh readiness source', () => {
  it('names Prometheus with its agent counts, and labels the Hubble fallback', () => {
    expect(
      readinessSourceText({
        name: 'a',
        ready: true,
        source: 'prometheus',
        agents: { ready: 3, total: 3 },
        failures: 1,
      }),
    ).toBe('via Prometheus (3/3 agents ready, 1 failure)');
    expect(
      readinessSourceText({
        name: 'a',
        ready: true,
        source: 'hubble',
        connectedNodes: 1,
        fallbackReason: 'No Prometheus configured',
      }),
    ).toBe('via Hubble Relay (fallback)');
  });

  it('shows both in the Cluster Mesh peers table', async () => {
    await renderInTestApp(
      <ClusterMeshBody
        status={withPeers([
          {
            name: 'prod-us-1',
            ready: false,
            source: 'prometheus',
            agents: { ready: 2, total: 3 },
            failures: 4,
            message: '2 of 3 agents report prod-us-1 ready',
          },
          {
            name: 'staging-eu-1',
            ready: true,
            source: 'hubble',
            connectedNodes: 2,
            fallbackReason:
              'Prometheus unavailable: Prometheus: timeout: query timed out in expression evaluation',
          },
        ])}
      />,
    );
    const peers = screen.getByTestId('mesh-peers');
    const rows = within(peers).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('2 of 3 agents report prod-us-1 ready');
    expect(rows[0]).toHaveTextContent(
      'via Prometheus (2/3 agents ready, 4 failures)',
    );
    expect(rows[1]).toHaveTextContent(
      'via Hubble Relay (fallback): Prometheus unavailable: Prometheus: timeout',
    );
  });
});
