import { GitLiveResponse } from '@internal/plugin-cilium-common';

const HEAD = 'def5678a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e';
const SYNCED = 'abc1234f5e6d7c8b9a0f1e2d3c4b5a6978695a4b';

/** prod-eu-1's repository: echo shifted to 50/50 in Git, still 100/0 live. */
export const gitLiveResponse: GitLiveResponse = {
  cluster: 'prod-eu-1',
  generatedAt: '2026-11-26T10:05:00.000Z',
  repo: {
    kind: 'github',
    name: 'example/prod-eu-1-gitops',
    branch: 'main',
    head: HEAD,
    webUrl: 'https://github.com/example/prod-eu-1-gitops',
  },
  routes: [
    {
      namespace: 'echo',
      name: 'echo',
      file: 'manifests/echo/httproute-echo.yaml',
      application: 'echo',
      rules: [
        {
          git: [
            { name: 'echo-1', weight: 50 },
            { name: 'echo-2', weight: 50 },
          ],
          live: [
            { name: 'echo-1', weight: 100 },
            { name: 'echo-2', weight: 0 },
          ],
        },
      ],
      inSync: false,
      drift: {
        summary: 'Git 50/50, live 100/0',
        reason: 'not-synced',
        detail:
          'Argo CD echo: head def5678 not yet synced (2 min); synced abc1234',
      },
      observed: {
        flows: 412,
        enough: true,
        backends: [
          { name: 'echo-1', flows: 412, percent: 100 },
          { name: 'echo-2', flows: 0, percent: 0 },
        ],
      },
    },
    {
      namespace: 'shop',
      name: 'cart',
      file: 'manifests/shop/httproute-cart.yaml',
      application: 'shop',
      rules: [
        {
          git: [{ name: 'cart', weight: 1 }],
          live: [{ name: 'cart', weight: 1 }],
        },
      ],
      inSync: true,
      observed: {
        flows: 3,
        enough: false,
        backends: [{ name: 'cart', flows: 3, percent: 100 }],
      },
    },
  ],
  applications: [
    {
      namespace: 'argocd',
      name: 'echo',
      state: 'not-synced',
      syncedRevision: SYNCED,
      headRevision: HEAD,
      pendingSeconds: 125,
      text: 'head def5678 not yet synced (2 min); synced abc1234',
      url: 'https://argocd.example.com/applications/argocd/echo',
    },
    {
      namespace: 'argocd',
      name: 'hubble-ui',
      state: 'sync-failed',
      syncedRevision: SYNCED,
      headRevision: HEAD,
      message: 'one or more objects failed to apply',
      text: 'sync failed: one or more objects failed to apply',
    },
    {
      namespace: 'argocd',
      name: 'shop',
      state: 'in-sync',
      syncedRevision: HEAD,
      headRevision: HEAD,
      text: 'in sync with def5678',
    },
  ],
  history: [
    {
      sha: HEAD,
      time: '2026-11-26T10:03:00.000Z',
      author: 'Bob Example',
      message:
        'Shift echo/echo to echo-1:50, echo-2:50\n\nTraffic split change.',
      files: ['manifests/echo/httproute-echo.yaml'],
      url: `https://github.com/example/prod-eu-1-gitops/commit/${HEAD}`,
    },
    {
      sha: SYNCED,
      time: '2026-11-25T09:00:00.000Z',
      author: 'Alice Example',
      message: 'Cluster GitOps repository rendered by Backstage',
      files: ['README.md', 'apps/echo.yaml', 'catalog-info.yaml'],
      filesTruncated: true,
      url: `https://github.com/example/prod-eu-1-gitops/commit/${SYNCED}`,
    },
  ],
  observedWindowSeconds: 300,
  minObservedFlows: 20,
  errors: [],
};
