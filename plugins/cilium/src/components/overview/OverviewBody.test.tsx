import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { clusterEntity } from '../../__fixtures__/entities';
import { clusterStatus } from '../../__fixtures__/clusterStatus';
import { toolLinks } from './entityLinks';
import { OverviewBody } from './OverviewBody';

describe('OverviewBody', () => {
  it('finds Hubble UI, Grafana and Argo CD links by title, type or URL', () => {
    expect(toolLinks(clusterEntity).map(l => [l.tool, l.url])).toEqual([
      ['Hubble UI', 'https://hubble.prod-eu-1.example.com'],
      ['Grafana', 'https://grafana.example.com/d/cilium'],
      ['Argo CD', 'https://argocd.example.com/applications'],
    ]);
    expect(
      toolLinks({
        ...clusterEntity,
        metadata: {
          name: 'x',
          links: [{ url: 'https://dash.example.com/d/1', type: 'grafana' }],
        },
      }),
    ).toEqual([
      {
        tool: 'Grafana',
        url: 'https://dash.example.com/d/1',
        title: 'Grafana',
      },
    ]);
  });

  it('falls back to the entity annotations when cilium-config could not be read', async () => {
    await renderInTestApp(
      <OverviewBody
        entity={clusterEntity}
        status={{
          ...clusterStatus,
          ciliumConfig: undefined,
          argocd: undefined,
          errors: [
            {
              source: 'ciliumConfig',
              reason: 'not-found',
              message: 'configmaps "cilium-config" not found',
            },
          ],
        }}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Cilium configuration: not found',
    );
    expect(screen.getByTestId('overview-cilium-version')).toHaveTextContent(
      '1.19.4',
    );
    expect(screen.getByTestId('overview-cluster-id')).toHaveTextContent('1');
    expect(screen.getByTestId('overview-routing-mode')).toHaveTextContent(
      'unknown',
    );
    expect(screen.getByTestId('overview-argocd')).toHaveTextContent(
      'not available',
    );
  });

  it('says where tool links come from when there are none', async () => {
    await renderInTestApp(
      <OverviewBody
        entity={{ ...clusterEntity, metadata: { name: 'x' } }}
        status={clusterStatus}
      />,
    );
    expect(
      screen.getByText(/add them to the entity's metadata.links/),
    ).toBeInTheDocument();
  });
});
