import { renderInTestApp } from '@backstage/frontend-test-utils';
import { act, screen, within } from '@testing-library/react';
import { GitLiveResponse } from '@internal/plugin-cilium-common';
import { ciliumApiRef } from '../../api/CiliumApi';
import { gitLiveResponse } from '../../__fixtures__/gitLive';
import { mockCiliumApi, responseError } from '../../__fixtures__/mockCiliumApi';
import { GitLiveSection } from './GitLiveSection';

jest.setTimeout(30_000);

const ENTITY_REF = 'resource:default/prod-eu-1';

const render = async (api = mockCiliumApi()) => {
  await act(async () => {
    renderInTestApp(
      <GitLiveSection cluster="prod-eu-1" entityRef={ENTITY_REF} />,
      {
        apis: [[ciliumApiRef, api]],
      },
    );
  });
  return api;
};

const rows = () => screen.findAllByTestId('git-route-row');

describe('GitLiveSection', () => {
  it('shows Git, live and observed weights per route with the drift badge', async () => {
    const api = await render();
    expect(api.getGitLive).toHaveBeenCalledWith('prod-eu-1');
    const [echo, cart] = await rows();
    expect(within(echo).getByTestId('git-route-weights')).toHaveTextContent(
      'backends echo-1, echo-2: Git 50/50 · live 100/0 · observed 100/0 (412 flows in the last 5 min)',
    );
    const badge = within(echo).getByTestId('drift-badge');
    expect(badge).toHaveTextContent('Git 50/50, live 100/0 — not yet synced');
    expect(badge).toHaveAttribute('data-state', 'not-synced');
    expect(within(echo).getByTestId('drift-detail')).toHaveTextContent(
      'head def5678 not yet synced (2 min)',
    );
    expect(within(cart).getByTestId('drift-badge')).toHaveTextContent(
      'in sync with Git',
    );
    expect(within(cart).getByTestId('git-route-weights')).toHaveTextContent(
      'observed: not enough flows (3 in the last 5 min, need 20)',
    );
    expect(screen.getByTestId('git-repo')).toHaveTextContent(
      'GitHub example/prod-eu-1-gitops, main at def5678',
    );
  });

  it('links each route to the change template, pre-filled for a traffic split', async () => {
    await render();
    const [echo] = await rows();
    const link = within(echo).getByRole('link', {
      name: 'Shift traffic of echo/echo',
    });
    const href = link.getAttribute('href')!;
    expect(
      href.startsWith(
        '/create/templates/default/cilium-cluster-change?formData=',
      ),
    ).toBe(true);
    const formData = new URL(href, 'http://x').searchParams.get('formData')!;
    expect(JSON.parse(formData)).toEqual({
      cluster: ENTITY_REF,
      changeKind: 'split',
      route: 'echo/echo',
      backends: [
        { name: 'echo-1', weight: 50 },
        { name: 'echo-2', weight: 50 },
      ],
      expectedHead: gitLiveResponse.repo!.head,
    });
  });

  it('lists each Application against the head and the recent commits', async () => {
    await render();
    await rows();
    const revisions = screen.getAllByTestId('git-argocd-revision');
    expect(revisions.map(r => r.textContent)).toEqual([
      'echohead def5678 not yet synced (2 min); synced abc1234Argo CD',
      'hubble-uisync failed: one or more objects failed to apply',
      'shopin sync with def5678',
    ]);
    const commits = screen.getAllByTestId('git-commit');
    expect(commits).toHaveLength(2);
    expect(
      within(commits[0]).getByTestId('git-commit-subject'),
    ).toHaveTextContent('Shift echo/echo to echo-1:50, echo-2:50');
    expect(commits[0]).toHaveTextContent(
      'Bob Example · 2 min ago · 1 file: manifests/echo/httproute-echo.yaml',
    );
    expect(
      within(commits[0]).getByRole('link', { name: 'Commit def5678' }),
    ).toHaveAttribute(
      'href',
      'https://github.com/example/prod-eu-1-gitops/commit/def5678a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e',
    );
    expect(commits[1]).toHaveTextContent('3+ files');
  });

  it('says when the cluster has no repository yet', async () => {
    const doc: GitLiveResponse = {
      ...gitLiveResponse,
      repo: undefined,
      routes: [],
      applications: [],
      history: [],
      errors: [
        {
          source: 'git',
          reason: 'not-configured',
          message: 'No local repository prod-eu-1.git yet',
        },
      ],
    };
    await render(mockCiliumApi({ getGitLive: jest.fn(async () => doc) }));
    // An empty state with the config to add, not an error alert.
    const empty = await screen.findByTestId('git-not-configured');
    expect(empty).toHaveTextContent('No local repository prod-eu-1.git yet');
    expect(empty).toHaveTextContent('localRepo: prod-eu-1');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByTestId('git-routes')).not.toBeInTheDocument();
  });

  it('keeps the repository when the cluster could not be read', async () => {
    const doc: GitLiveResponse = {
      ...gitLiveResponse,
      routes: gitLiveResponse.routes.map(r => ({
        ...r,
        inSync: false,
        drift: undefined,
        rules: r.rules.map(x => ({ git: x.git })),
      })),
      errors: [
        {
          source: 'httpRoutes',
          reason: 'unreachable',
          message: 'Could not reach the API server: ECONNREFUSED',
        },
      ],
    };
    await render(mockCiliumApi({ getGitLive: jest.fn(async () => doc) }));
    const [echo] = await rows();
    expect(within(echo).getByTestId('drift-badge')).toHaveTextContent(
      'live state unknown',
    );
    expect(within(echo).getByTestId('git-route-weights')).toHaveTextContent(
      'Git 50/50 · live —',
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Live HTTPRoutes: unreachable',
    );
  });

  it('shows a denied request as such', async () => {
    const error = await responseError(
      403,
      'NotAllowedError',
      'cilium.cluster.read is not allowed',
    );
    await render(
      mockCiliumApi({ getGitLive: jest.fn().mockRejectedValue(error) }),
    );
    expect(
      await screen.findByTestId('cilium-permission-denied'),
    ).toHaveTextContent(
      'Permission denied: you may not read the Git and live view of prod-eu-1',
    );
  });

  it('shows a skeleton while loading', async () => {
    await render(
      mockCiliumApi({
        getGitLive: jest.fn(() => new Promise<GitLiveResponse>(() => {})),
      }),
    );
    expect(screen.getByTestId('cilium-section-loading')).toHaveAttribute(
      'aria-label',
      'Loading Git and live',
    );
  });
});
