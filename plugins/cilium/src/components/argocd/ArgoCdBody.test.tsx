import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { clusterStatus } from '../../__fixtures__/clusterStatus';
import { ArgoCdBody } from './ArgoCdBody';

describe('ArgoCdBody', () => {
  it('shows sync, health, revision and a link for each Application', async () => {
    await renderInTestApp(<ArgoCdBody status={clusterStatus} />);
    expect(
      screen.getAllByTestId('argocd-sync').map(s => s.textContent),
    ).toEqual(['Synced', 'OutOfSync']);
    expect(screen.getAllByTestId('argocd-health')[1]).toHaveTextContent(
      'Degraded — Deployment "echo" exceeded its progress deadline',
    );
    expect(screen.getByText('4f5a68e2c1d0')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Open prod-eu-1-cilium in Argo CD' }),
    ).toHaveAttribute(
      'href',
      'https://argocd.example.com/applications/argocd/prod-eu-1-cilium',
    );
  });

  it('shows why Argo CD could not be read', async () => {
    await renderInTestApp(
      <ArgoCdBody
        status={{
          ...clusterStatus,
          argocd: undefined,
          errors: [
            {
              source: 'argocd',
              reason: 'not-configured',
              message: 'argocd.baseUrl is not set',
            },
          ],
        }}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Argo CD: not configured',
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'argocd.baseUrl is not set',
    );
  });
});
