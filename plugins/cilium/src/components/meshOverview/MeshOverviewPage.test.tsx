import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { act, screen, within } from '@testing-library/react';
import { ciliumApiRef } from '../../api/CiliumApi';
import { clusterEntity, peerEntity } from '../../__fixtures__/entities';
import { mockCiliumApi, responseError } from '../../__fixtures__/mockCiliumApi';
import { MeshOverviewPage } from './MeshOverviewPage';

// Interactive tests on a shared 2-core machine can exceed the 5 s default.
jest.setTimeout(30_000);

const catalogApi = (
  items = [clusterEntity, peerEntity('prod-us-1', 2), peerEntity('dev-1', 9)],
) => ({
  getEntities: jest.fn(async () => ({ items })),
});

/**
 * Renders inside act: the requests the first render starts and that answer
 * at once (the mocks) settle within it rather than after it.
 */
const render = async (api = mockCiliumApi(), catalog = catalogApi()) => {
  let result!: ReturnType<typeof renderInTestApp>;
  await act(async () => {
    result = renderInTestApp(<MeshOverviewPage />, {
      apis: [
        [ciliumApiRef, api],
        [catalogApiRef, catalog],
      ],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
  });
  return result;
};

describe('MeshOverviewPage', () => {
  it('lists every cluster entity with mesh id, peers and readiness', async () => {
    const catalog = catalogApi();
    await render(mockCiliumApi(), catalog);
    expect(catalog.getEntities).toHaveBeenCalledWith({
      filter: { kind: 'Resource', 'spec.type': 'kubernetes-cluster' },
    });
    const table = await screen.findByTestId('mesh-clusters');
    expect(
      screen.getByRole('heading', { name: 'Cluster Mesh overview' }),
    ).toBeInTheDocument();
    expect(
      within(table).getByRole('link', { name: 'Production EU 1' }),
    ).toHaveAttribute('href', '/catalog/default/resource/prod-eu-1');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(r => r.textContent)).toEqual([
      expect.stringContaining('dev-1'),
      expect.stringContaining('Production EU 1'),
      expect.stringContaining('prod-us-1'),
      expect.stringContaining('staging-eu-1 (not in the catalog)'),
    ]);
    expect(rows[0]).toHaveTextContent('not configured in the Cilium backend');
    expect(rows[1]).toHaveTextContent('prod-us-1✓ ready');
    expect(rows[1]).toHaveTextContent('staging-eu-1✗ not ready');
    expect(rows[3]).toHaveTextContent(
      'unreachable: connect ECONNREFUSED 10.1.0.1:6443',
    );
  });

  it('draws the mesh as a graph with ready and broken links told apart, nodes linking to entities', async () => {
    await render();
    const graph = await screen.findByTestId('mesh-graph');
    const links = within(graph).getAllByTestId('mesh-link');
    expect(
      links.map(l => [
        l.getAttribute('data-link'),
        l.getAttribute('data-state'),
      ]),
    ).toEqual([
      ['prod-eu-1<->prod-us-1', 'ready'],
      ['prod-eu-1<->staging-eu-1', 'broken'],
    ]);
    expect(links[0]).not.toHaveAttribute('stroke-dasharray');
    expect(links[1]).toHaveAttribute('stroke-dasharray', '8 5');
    expect(links[0].getAttribute('stroke')).not.toBe(
      links[1].getAttribute('stroke'),
    );
    expect(
      within(graph).getByRole('link', { name: 'Open cluster prod-us-1' }),
    ).toHaveAttribute('href', '/catalog/default/resource/prod-us-1');
    expect(
      within(graph).queryByRole('link', { name: 'Open cluster staging-eu-1' }),
    ).not.toBeInTheDocument();
    expect(screen.getByTestId('mesh-graph-legend')).toHaveTextContent(
      'ready (solid)broken (dashed)unknown (dotted)',
    );
  });

  it('still lists the catalog clusters when the mesh overview is denied', async () => {
    const error = await responseError(
      403,
      'NotAllowedError',
      'cilium.cluster.read is not allowed',
    );
    await render(
      mockCiliumApi({ getMesh: jest.fn().mockRejectedValue(error) }),
    );
    expect(
      await screen.findByTestId('cilium-permission-denied'),
    ).toHaveTextContent('cilium.cluster.read is not allowed');
    expect(await screen.findByTestId('mesh-clusters')).toHaveTextContent(
      'Production EU 1',
    );
    expect(screen.getByTestId('mesh-graph-empty')).toBeInTheDocument();
  });

  it('says what to do without cluster entities or clusters', async () => {
    await render(
      mockCiliumApi({ getMesh: jest.fn(async () => ({ clusters: [] })) }),
      catalogApi([]),
    );
    expect(await screen.findByTestId('mesh-clusters-empty')).toHaveTextContent(
      'No cluster entities yet',
    );
    expect(screen.getByTestId('mesh-graph-empty')).toHaveTextContent(
      'No clusters are configured',
    );
  });
});
