import crypto from 'node:crypto';
import { freePort } from '../e2e/harness/portal';
import { startDemoEnvironment } from '../kubernetes/demoEnvironment';
import type { DemoEnvironment } from '../kubernetes/demoEnvironment';
import { BackendProcess, startBackendProcess } from './backendProcess';
import { PostgresServer, startPostgres } from './postgres';
import { RedisServer, startRedis } from './redis';

jest.setTimeout(600_000);

/**
 * The production configuration booted for real: app-config.yaml +
 * app-config.production.yaml against a throw-away PostgreSQL and Redis on
 * loopback, two backend processes sharing them (as two replicas would), and
 * the Kubernetes/Hubble test servers as the configured clusters.
 */
describe('production boot (PostgreSQL, Redis, two backend processes)', () => {
  let postgres: PostgresServer;
  let redis: RedisServer;
  let clusters: DemoEnvironment;
  const backends: BackendProcess[] = [];
  const serviceToken = crypto.randomBytes(24).toString('hex');
  let started = 0;

  const boot = async () => {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const backend = await startBackendProcess({
      port,
      configFiles: ['app-config.yaml', 'app-config.production.yaml'],
      env: {
        BACKSTAGE_BASE_URL: baseUrl,
        BACKEND_SECRET: crypto.randomBytes(24).toString('hex'),
        POSTGRES_HOST: postgres.host,
        POSTGRES_PORT: String(postgres.port),
        POSTGRES_USER: postgres.user,
        POSTGRES_PASSWORD: postgres.password,
        REDIS_URL: redis.url,
        AUTH_GITHUB_CLIENT_ID: 'dummy-client-id',
        AUTH_GITHUB_CLIENT_SECRET: 'dummy-client-secret',
      },
      overlay: {
        backend: {
          listen: { host: '127.0.0.1', port },
          // A service caller for the test (static tokens are the documented
          // way for scripts to call the API).
          auth: {
            externalAccess: [
              {
                type: 'static',
                options: { token: serviceToken, subject: 'prod-boot-test' },
              },
            ],
          },
        },
        ...clusters.config,
        // Long enough that the second process must find the first's entry.
        cilium: { ...(clusters.config.cilium as object), cacheTtlSeconds: 300 },
      },
    });
    backends.push(backend);
    return backend;
  };
  const get = (backend: BackendProcess, path: string) =>
    fetch(`${backend.baseUrl}${path}`, {
      headers: { authorization: `Bearer ${serviceToken}` },
    });

  beforeAll(async () => {
    started = Date.now();
    [postgres, redis, clusters] = await Promise.all([
      startPostgres(),
      startRedis(),
      startDemoEnvironment(),
    ]);
  });

  afterAll(async () => {
    for (const b of backends) await b.stop();
    await Promise.all([postgres?.close(), redis?.close(), clusters?.close()]);
    // The figure the README and the report quote.
    // eslint-disable-next-line no-console
    console.log(
      `production boot test: ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  });

  it('boots on PostgreSQL and Redis, shares the Cilium cache, refuses guests and serves the production catalog', async () => {
    const first = await boot();
    try {
      // Health: ready (the readiness probe load balancers use).
      const ready = await fetch(
        `${first.baseUrl}/.backstage/health/v1/readiness`,
      );
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ok' });

      // The catalog's tables live in PostgreSQL (one database per plugin).
      const databases = await postgres.query(
        'postgres',
        "select datname from pg_database where datname like 'backstage_plugin_%' order by 1",
      );
      expect(databases).toEqual(
        expect.arrayContaining([
          'backstage_plugin_auth',
          'backstage_plugin_catalog',
          'backstage_plugin_scaffolder',
        ]),
      );
      const tables = await postgres.query(
        'backstage_plugin_catalog',
        "select table_name from information_schema.tables where table_schema = 'public'",
      );
      expect(tables).toEqual(
        expect.arrayContaining(['final_entities', 'refresh_state']),
      );

      // The production catalog targets resolve from the start command's
      // cwd: the template and the org's groups arrive in the catalog (and
      // in PostgreSQL).
      const want = [
        'template:default/cilium-cluster',
        'group:default/platform-team',
      ];
      let refs: string[] = [];
      const deadline = Date.now() + 120_000;
      while (Date.now() < deadline) {
        const latest = await postgres.query(
          'backstage_plugin_catalog',
          'select entity_ref from final_entities where final_entity is not null',
        );
        refs = latest;
        if (want.every(r => latest.includes(r))) break;
        await new Promise(r => setTimeout(r, 1000));
      }
      expect(refs).toEqual(expect.arrayContaining(want));
      const template = await get(
        first,
        '/api/catalog/entities/by-name/template/default/cilium-cluster',
      );
      expect(template.status).toBe(200);

      // Guest sign-in is refused; no token comes back.
      const guest = await fetch(`${first.baseUrl}/api/auth/guest/refresh`, {
        headers: { 'x-requested-with': 'XMLHttpRequest' },
      });
      expect(guest.status).toBeGreaterThanOrEqual(400);
      expect(await guest.text()).not.toMatch(/backstageIdentity|"token"/);

      // Development-only settings are off: no unauthenticated local
      // repository view.
      const localRepos = await fetch(
        `${first.baseUrl}/api/scaffolder/cilium/local-repos/x/catalog-info.yaml`,
      );
      expect(localRepos.status).toBe(401);

      // A Cilium status read lands in Redis ...
      const k8s = clusters.clusters.democluster1.kubernetes;
      const status1 = await get(
        first,
        '/api/cilium/clusters/democluster1/status',
      );
      expect(status1.status).toBe(200);
      const doc1 = await status1.json();
      expect(doc1.cluster).toBe('democluster1');
      expect(doc1.ciliumNodes.length).toBeGreaterThan(0);
      let keys: string[] = [];
      for (let i = 0; i < 50 && !keys.length; i++) {
        // Backstage's cache stores `<pluginId>:<base64 of the key>`.
        keys = await redis.keys(
          `cilium:${Buffer.from('cilium:status:democluster1').toString(
            'base64',
          )}`,
        );
        if (!keys.length) await new Promise(r => setTimeout(r, 100));
      }
      if (!keys.length) {
        const cacheLog = first
          .output()
          .split('\n')
          .filter(l => /cache|redis/i.test(l))
          .join('\n');
        throw new Error(
          `No status entry in Redis; keys: ${(await redis.keys('*')).join(
            ', ',
          )}\n${cacheLog}`,
        );
      }

      // ... and a second process serves it from there without asking the
      // cluster again.
      const second = await boot();
      const requestsBefore = k8s.totalRequests({ excludeVersion: true });
      const status2 = await get(
        second,
        '/api/cilium/clusters/democluster1/status',
      );
      expect(status2.status).toBe(200);
      expect(await status2.json()).toEqual(doc1);
      expect(k8s.totalRequests({ excludeVersion: true })).toBe(requestsBefore);
    } finally {
      for (const b of backends.splice(0)) await b.stop();
    }
  });
});
