import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { clusterStatus, manyNodes } from '../../__fixtures__/clusterStatus';
import { ClusterMeshBody } from './ClusterMeshBody';

// Interactive tests on a shared 2-core machine can exceed the 5 s default.
jest.setTimeout(30_000);

describe('ClusterMeshBody', () => {
  it('shows local identity, peers with readiness, nodes and the external workloads note', async () => {
    await renderInTestApp(<ClusterMeshBody status={clusterStatus} />);
    expect(screen.getByTestId('mesh-local-name')).toHaveTextContent(
      'prod-eu-1',
    );
    expect(screen.getByTestId('mesh-local-id')).toHaveTextContent('1');
    expect(screen.getByTestId('mesh-apiserver')).toHaveTextContent(
      'LoadBalancer 203.0.113.20:2379, 2/2 ready, KVStoreMesh',
    );
    const peers = screen.getByTestId('mesh-peers');
    const readiness = within(peers).getAllByTestId('peer-readiness');
    expect(readiness.map(r => r.textContent)).toEqual([
      '✓ ready',
      '✗ not ready',
    ]);
    expect(peers).toHaveTextContent(
      'no nodes of staging-eu-1 seen by Hubble Relay',
    );
    const nodes = screen.getByTestId('mesh-nodes');
    expect(nodes).toHaveTextContent(
      'InternalIP 10.0.1.11, CiliumInternalIP 10.244.1.7',
    );
    expect(screen.getByTestId('external-workloads-note')).toHaveTextContent(
      'CiliumExternalWorkload was removed in Cilium 1.18',
    );
  });

  it('leaves the note out when external workloads are supported, and shows source errors', async () => {
    await renderInTestApp(
      <ClusterMeshBody
        status={{
          ...clusterStatus,
          clusterMesh: {
            ...clusterStatus.clusterMesh!,
            externalWorkloadsSupported: true,
          },
          ciliumNodes: undefined,
          errors: [
            {
              source: 'ciliumNodes',
              reason: 'forbidden',
              message: 'ciliumnodes.cilium.io is forbidden',
            },
          ],
        }}
      />,
    );
    expect(
      screen.queryByTestId('external-workloads-note'),
    ).not.toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'CiliumNodes: permission denied',
    );
  });

  it('shows one page of many CiliumNodes, with paging and a search by name or address', async () => {
    await renderInTestApp(
      <ClusterMeshBody
        status={{ ...clusterStatus, ciliumNodes: manyNodes(50) }}
      />,
    );
    const nodes = screen.getByTestId('mesh-nodes');
    const rowHeaders = () =>
      within(nodes)
        .getAllByRole('rowheader')
        .map(r => r.textContent);
    expect(rowHeaders()).toHaveLength(10);
    expect(rowHeaders()[0]).toBe('node-001');
    expect(within(nodes).getByTestId('nodes-count')).toHaveTextContent(
      '50 CiliumNodes',
    );

    await userEvent.click(
      within(nodes).getByRole('button', { name: 'Next table page' }),
    );
    await waitFor(() => expect(rowHeaders()[0]).toBe('node-011'));

    await userEvent.type(
      within(nodes).getByRole('searchbox', { name: 'Search CiliumNodes' }),
      '10.1.42.42',
    );
    await waitFor(() => expect(rowHeaders()).toEqual(['node-043']));
    expect(within(nodes).getByTestId('nodes-count')).toHaveTextContent(
      '1 of 50 CiliumNodes match',
    );
  });
});
