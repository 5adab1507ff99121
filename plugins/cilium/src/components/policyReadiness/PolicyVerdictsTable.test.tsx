import { renderInTestApp } from '@backstage/frontend-test-utils';
import { act, screen, within } from '@testing-library/react';
import type { PolicyVerdictCount } from '@internal/plugin-cilium-common';
import { schedulerToWorker } from '../../__fixtures__/policyReadiness';
import { DroppedNowList } from './DroppedNowList';
import { edgeText } from './peerText';
import { PolicyVerdictsTable } from './PolicyVerdictsTable';

const rows: PolicyVerdictCount[] = [
  {
    policy: {
      name: 'deny-cross-tenant',
      kind: 'CiliumClusterwideNetworkPolicy',
    },
    allowed: 0,
    denied: 1,
    lastSeen: '2026-11-26T10:00:04.000Z',
  },
  {
    policy: {
      name: 'allow-scheduler-to-worker',
      namespace: 'tenant-jobs',
      kind: 'CiliumNetworkPolicy',
    },
    allowed: 2,
    denied: 0,
    lastSeen: '2026-11-26T10:00:01.000Z',
  },
  {
    policy: {
      name: 'scheduler-egress',
      namespace: 'tenant-jobs',
      kind: 'CiliumNetworkPolicy',
    },
    allowed: 0,
    denied: 0,
  },
];

const render = async (r: PolicyVerdictCount[]) => {
  await act(async () => {
    renderInTestApp(<PolicyVerdictsTable rows={r} />);
  });
};

describe('PolicyVerdictsTable', () => {
  it('shows one row per policy: name, kind, allowed, denied, last seen', async () => {
    await render(rows);
    const table = await screen.findByRole('table', {
      name: 'Policy verdicts in the window',
    });
    const lines = within(table)
      .getAllByRole('row')
      .map(tr =>
        Array.from(tr.querySelectorAll('th, td'))
          .map(c => c.textContent)
          .join(' | '),
      );
    expect(lines).toEqual([
      'Policy | Kind | Allowed | Denied | Last seen (UTC)',
      'deny-cross-tenant | CiliumClusterwideNetworkPolicy | 0 | 1 | 10:00:04',
      'tenant-jobs/allow-scheduler-to-worker | CiliumNetworkPolicy | 2 | 0 | 10:00:01',
      'tenant-jobs/scheduler-egress | CiliumNetworkPolicy | 0 | 0 | no verdict yet',
    ]);
  });

  it('says so when no policy applies in the namespace', async () => {
    await render([]);
    expect(
      await screen.findByText('No policy applies in this namespace yet.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe('DroppedNowList', () => {
  it('lists the edges today’s policies drop, and nothing when there are none', async () => {
    await act(async () => {
      renderInTestApp(
        <>
          <DroppedNowList edges={[schedulerToWorker]} />
          <div data-testid="empty">
            <DroppedNowList edges={[]} />
          </div>
        </>,
      );
    });
    const list = await screen.findByRole('list', {
      name: "Dropped by today's policies",
    });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map(li => li.textContent),
    ).toEqual([
      `${edgeText(schedulerToWorker)} · ${
        schedulerToWorker.count
      } flows in the window · last ${schedulerToWorker.lastSeen.slice(
        11,
        19,
      )} UTC`,
    ]);
    expect(screen.getByTestId('empty')).toBeEmptyDOMElement();
  });
});
