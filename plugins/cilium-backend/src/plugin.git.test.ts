import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GitLiveResponse } from '@internal/plugin-cilium-common';
import {
  commitToTestRepo,
  echoRouteYaml,
  ECHO_ROUTE_FILE,
  EXAMPLES_DIR,
  KubeObject,
  readTree,
  recentEchoFlows,
} from '@internal/cilium-test-servers';
import {
  AUTH,
  demoCluster,
  startPlugin,
  TestCluster,
} from './__testUtils__/testEnvironment';

const ALICE = { name: 'Alice Example', email: 'alice@example.net' };
const BOB = { name: 'Bob Example', email: 'bob@example.net' };

const ROUTES = ['gateway.networking.k8s.io', 'v1', 'httproutes'] as const;
const APPS = ['argoproj.io', 'v1alpha1', 'applications'] as const;

describe('the Git and live view of a cluster', () => {
  let tmp: string;
  let cluster: TestCluster;
  let other: TestCluster;
  let http: Awaited<ReturnType<typeof startPlugin>>['http'];
  let stop: () => Promise<void>;
  let first: string;
  let head: string;
  let originals: { route: KubeObject; app: KubeObject };

  const get = (
    type: readonly [string, string, string],
    ns: string,
    name: string,
  ) => {
    const store = cluster.server.store;
    return store.get(store.type(...type)!, ns, name)!;
  };
  const put = (obj: KubeObject) => cluster.server.store.put(obj);
  const clone = <T>(o: T): T => JSON.parse(JSON.stringify(o));
  const read = async (name = 'democluster1') => {
    const res = await http.get(`/api/cilium/clusters/${name}/git`).set(AUTH);
    expect(res.status).toBe(200);
    return res.body as GitLiveResponse;
  };
  const echo = (doc: GitLiveResponse) =>
    doc.routes.find(r => r.namespace === 'echo' && r.name === 'echo')!;
  /** What Argo CD does once it synced the head: the route as Git says, the revision. */
  const argoSyncs = (weights: number[]) => {
    const route = clone(originals.route);
    route.spec.rules[0].backendRefs.forEach(
      (b: any, i: number) => (b.weight = weights[i]),
    );
    put(route);
    const app = clone(originals.app);
    app.status.sync.revision = head;
    app.status.operationState.syncResult.revision = head;
    put(app);
  };

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cilium-git-live-'));
    const gitdir = path.join(tmp, 'repos', 'democluster1.git');
    const hour = Math.floor(Date.now() / 1000) - 3600;
    first = await commitToTestRepo(
      gitdir,
      readTree(path.join(EXAMPLES_DIR, 'democluster1', 'repo')),
      {
        message: 'Cluster GitOps repository rendered by Backstage',
        author: ALICE,
        timestamp: hour,
      },
    );
    head = await commitToTestRepo(
      gitdir,
      { [ECHO_ROUTE_FILE]: echoRouteYaml('democluster1', [50, 50]) },
      {
        message:
          'Shift echo/echo to echo-1:50, echo-2:50\n\nTraffic split change.',
        author: BOB,
        timestamp: hour + 3480,
      },
    );
    cluster = await demoCluster('democluster1', {}, { hubble: true });
    other = await demoCluster('democluster2');
    const started = await startPlugin({
      clusters: [cluster, other],
      cilium: { timeoutMs: 2000 },
      config: {
        ciliumGitops: { localPublish: { baseDir: path.join(tmp, 'repos') } },
      },
    });
    http = started.http;
    stop = () => started.backend.stop();
    originals = {
      route: clone(get(ROUTES, 'echo', 'echo')),
      app: clone(get(APPS, 'argocd', 'echo')),
    };
  });
  afterAll(async () => {
    await stop();
    await cluster.close();
    await other.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });
  afterEach(() => {
    put(clone(originals.route));
    put(clone(originals.app));
  });

  it('shows Git 50/50 against live 100/0 while Argo CD has not synced the head', async () => {
    const doc = await read();
    expect(doc.errors).toEqual([]);
    expect(doc.repo).toEqual({
      kind: 'local',
      name: 'democluster1',
      branch: 'main',
      head,
    });
    const route = echo(doc);
    expect(route).toMatchObject({
      file: ECHO_ROUTE_FILE,
      application: 'echo',
      inSync: false,
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
    });
    expect(route.drift!.summary).toBe('Git 50/50, live 100/0');
    expect(route.drift!.reason).toBe('not-synced');
    expect(route.drift!.detail).toBe(
      `Argo CD echo: head ${head.slice(
        0,
        7,
      )} not yet synced (2 min); synced 3f9c2d1`,
    );
    const app = doc.applications.find(a => a.name === 'echo')!;
    expect(app).toMatchObject({
      state: 'not-synced',
      syncedRevision: '3f9c2d1e8b7a6c5d4e3f2a1b0c9d8e7f6a5b4c3d',
      headRevision: head,
    });
    expect(app.pendingSeconds).toBeGreaterThanOrEqual(120);
    expect(app.pendingSeconds).toBeLessThan(150);
    // The rendered bookinfo routes live in Git; the test cluster lacks one.
    expect(doc.routes.map(r => `${r.namespace}/${r.name}`)).toEqual([
      'bookinfo/bookinfo-details',
      'bookinfo/bookinfo-productpage',
      'echo/echo',
    ]);
    expect(doc.routes[0].drift).toMatchObject({
      summary: 'Git 1, live: not found',
    });
  });

  it('shows in sync once the route and the Application follow the head', async () => {
    argoSyncs([50, 50]);
    const doc = await read();
    expect(echo(doc).inSync).toBe(true);
    expect(echo(doc).drift).toBeUndefined();
    expect(doc.applications.find(a => a.name === 'echo')).toMatchObject({
      state: 'in-sync',
      text: `in sync with ${head.slice(0, 7)}`,
    });
  });

  it('says the route was changed outside Git when another manager wrote it', async () => {
    argoSyncs([100, 0]);
    const route = clone(get(ROUTES, 'echo', 'echo'));
    route.metadata.managedFields = [
      ...(route.metadata.managedFields as any[]),
      {
        manager: 'kubectl-patch',
        operation: 'Update',
        apiVersion: 'gateway.networking.k8s.io/v1',
        time: new Date().toISOString(),
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:spec': { 'f:rules': {} } },
      },
    ];
    put(route);
    const r = echo(await read());
    expect(r.otherManagers).toEqual(['kubectl-patch']);
    expect(r.drift).toEqual({
      summary: 'Git 50/50, live 100/0',
      reason: 'changed-outside-git',
      detail: 'changed outside Git by kubectl-patch',
    });
  });

  it('gives the sync error when the last sync failed', async () => {
    const app = clone(originals.app);
    app.status.operationState.phase = 'Failed';
    app.status.operationState.message =
      'one or more objects failed to apply, reason: admission webhook denied the request';
    put(app);
    const doc = await read();
    expect(echo(doc).drift!.reason).toBe('sync-failed');
    expect(doc.applications.find(a => a.name === 'echo')!.text).toBe(
      'sync failed: one or more objects failed to apply, reason: admission webhook denied the request',
    );
  });

  it('lists the history newest first with author, message and changed files', async () => {
    const doc = await read();
    expect(doc.history.map(c => c.sha)).toEqual([head, first]);
    expect(doc.history[0]).toMatchObject({
      author: 'Bob Example',
      message:
        'Shift echo/echo to echo-1:50, echo-2:50\n\nTraffic split change.',
      files: [ECHO_ROUTE_FILE],
    });
    expect(doc.history[0].url).toBeUndefined();
    expect(doc.history[1].files).toContain('catalog-info.yaml');
    expect(doc.history[1].files.length).toBe(50);
    expect(doc.history[1].filesTruncated).toBe(true);
  });

  it('counts the flows Hubble saw to each backend, and says when they are too few', async () => {
    const fixtures = cluster.relay!.fixtures();
    cluster.relay!.setFlows(
      recentEchoFlows('democluster1', { 'echo-1': 30, 'echo-2': 10 }),
    );
    let r = echo(await read());
    expect(r.observed).toEqual({
      flows: 40,
      enough: true,
      backends: [
        { name: 'echo-1', flows: 30, percent: 75 },
        { name: 'echo-2', flows: 10, percent: 25 },
      ],
    });
    cluster.relay!.setFlows(recentEchoFlows('democluster1', { 'echo-2': 5 }));
    r = echo(await read());
    expect(r.observed).toMatchObject({ flows: 5, enough: false });
    cluster.relay!.setFixtures(fixtures);
  });

  it('answers 404 for a cluster that is not configured, and 401 without credentials', async () => {
    const unknown = await http.get('/api/cilium/clusters/nope/git').set(AUTH);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe(
      "No cluster named 'nope' is configured",
    );
    const anonymous = await http.get('/api/cilium/clusters/democluster1/git');
    expect(anonymous.status).toBe(401);
  });

  it('says so when the cluster has no repository yet, and still answers', async () => {
    const doc = await read('democluster2');
    expect(doc.routes).toEqual([]);
    expect(doc.errors).toEqual([
      {
        source: 'git',
        reason: 'not-configured',
        message:
          'No local repository democluster2.git yet: publish the cluster with the Cilium cluster template, or set cilium.clusters[].git',
      },
    ]);
  });

  it('keeps the repository when the cluster cannot be reached', async () => {
    cluster.server.setFault(/.*/, { type: 'fail', status: 503 });
    try {
      const doc = await read();
      expect(doc.repo?.head).toBe(head);
      expect(doc.history).toHaveLength(2);
      expect(doc.errors.map(e => `${e.source}:${e.reason}`)).toEqual([
        'argocd:error',
        'httpRoutes:error',
      ]);
      expect(echo(doc).inSync).toBe(false);
      expect(echo(doc).drift).toBeUndefined();
    } finally {
      cluster.server.clearFaults();
    }
  });
});
