import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import ciliumPlugin from '@internal/plugin-cilium-backend';
import ciliumPolicy from '@internal/plugin-permission-backend-module-cilium-policy';
import scaffolderModuleCilium from '@internal/plugin-scaffolder-backend-module-cilium';
import request from 'supertest';
import YAML from 'yaml';
import { startDemoEnvironment } from '../kubernetes/demoEnvironment';
import { oboAuthServiceFactory } from './__testUtils__/oboAuth';
import type { DemoEnvironment } from '../kubernetes/demoEnvironment';

jest.setTimeout(180_000);

const entity = (kind: string, name: string, spec: object) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name },
  spec,
});

/** owners own democluster1; alice is in owners, bob in others, carol an admin. */
const ORG = [
  entity('Group', 'owners', { type: 'team', children: [] }),
  entity('Group', 'others', { type: 'team', children: [] }),
  entity('Group', 'platform-admins', { type: 'team', children: [] }),
  entity('User', 'alice', { memberOf: ['owners'] }),
  entity('User', 'bob', { memberOf: ['others'] }),
  entity('User', 'carol', { memberOf: ['platform-admins'] }),
  entity('Resource', 'democluster1', {
    type: 'kubernetes-cluster',
    owner: 'group:default/owners',
  }),
];

const service = { Authorization: mockCredentials.service.header() };
const as = (user: string) => ({
  Authorization: mockCredentials.user.header(`user:default/${user}`),
});

/**
 * The production policy through the real backend: the real permission
 * backend with the policy module, the real catalog (ownership), the Cilium
 * status API on the Kubernetes and Hubble test servers, and the real
 * scaffolder checking action permissions.
 */
describe('production permission policy', () => {
  let env: DemoEnvironment;
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  let stop: () => Promise<void>;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-'));

  beforeAll(async () => {
    env = await startDemoEnvironment();
    const orgFile = path.join(dir, 'org.yaml');
    fs.writeFileSync(orgFile, ORG.map(e => YAML.stringify(e)).join('---\n'));
    const backend = await startTestBackend({
      features: [
        permissionsServiceFactory,
        oboAuthServiceFactory,
        httpAuthServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            ...env.config,
            permission: {
              enabled: true,
              ciliumPolicy: 'production',
              ciliumAdminGroups: ['group:default/platform-admins'],
            },
            catalog: {
              rules: [{ allow: ['Group', 'User', 'Resource', 'Location'] }],
              locations: [{ type: 'file', target: orgFile }],
              processingInterval: { seconds: 1 },
            },
            ciliumGitops: {
              localPublish: { baseDir: path.join(dir, 'repos') },
            },
          },
        }),
        catalogPlugin,
        permissionPlugin,
        ciliumPolicy,
        ciliumPlugin,
        scaffolderPlugin,
        scaffolderModuleCilium,
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
    // Wait for the catalog to have processed the org file.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const res = await request(server)
        .get('/api/catalog/entities/by-name/resource/default/democluster1')
        .set(service);
      const user = await request(server)
        .get('/api/catalog/entities/by-name/user/default/carol')
        .set(service);
      if (res.status === 200 && user.status === 200) break;
      if (Date.now() > deadline) {
        throw new Error(
          `catalog never got the org: ${res.status} ${JSON.stringify(
            res.body,
          )}; ${user.status}`,
        );
      }
      await new Promise(r => setTimeout(r, 500));
    }
  });

  afterAll(async () => {
    await stop?.();
    await env?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lets every user read cluster status, and only owners and admins read flows', async () => {
    for (const user of ['alice', 'bob', 'carol']) {
      const status = await request(server)
        .get('/api/cilium/clusters/democluster1/status')
        .set(as(user));
      expect({ user, status: status.status }).toEqual({ user, status: 200 });
      const list = await request(server)
        .get('/api/cilium/clusters')
        .set(as(user));
      expect(list.status).toBe(200);
    }
    const flows = async (user: string) =>
      (
        await request(server)
          .get('/api/cilium/clusters/democluster1/flows')
          .set(as(user))
      ).status;
    expect(await flows('alice')).toBe(200);
    expect(await flows('carol')).toBe(200);
    const denied = await request(server)
      .get('/api/cilium/clusters/democluster1/flows')
      .set(as('bob'));
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toBe(
      'Missing permission cilium.flows.read',
    );
    // democluster2 has no entity: nobody owns it, only admins read flows.
    const unowned = await request(server)
      .get('/api/cilium/clusters/democluster2/flows')
      .set(as('alice'));
    expect(unowned.status).toBe(403);
    const admin = await request(server)
      .get('/api/cilium/clusters/democluster2/flows')
      .set(as('carol'));
    expect(admin.status).toBe(200);
  });

  it("answers the frontend's cilium.cluster.change question (the Shift traffic link) for owners and admins only", async () => {
    // What usePermission sends: the permission on the cluster entity.
    const change = async (user: string, resourceRef: string) => {
      const res = await request(server)
        .post('/api/permission/authorize')
        .set(as(user))
        .send({
          items: [
            {
              id: 'q1',
              permission: {
                type: 'resource',
                name: 'cilium.cluster.change',
                attributes: { action: 'update' },
                resourceType: 'catalog-entity',
              },
              resourceRef,
            },
          ],
        });
      expect(res.status).toBe(200);
      return res.body.items[0].result;
    };
    const cluster = 'resource:default/democluster1';
    expect(await change('alice', cluster)).toBe('ALLOW');
    expect(await change('bob', cluster)).toBe('DENY');
    expect(await change('carol', cluster)).toBe('ALLOW');
  });

  it('runs write actions only for cluster owners and admins', async () => {
    const template = {
      apiVersion: 'scaffolder.backstage.io/v1beta3',
      kind: 'Template',
      metadata: { name: 'publish-only' },
      spec: {
        owner: 'group:default/owners',
        type: 'service',
        parameters: [],
        steps: [
          {
            id: 'say',
            name: 'Say',
            action: 'debug:log',
            input: { message: 'hi' },
          },
          {
            id: 'publish',
            name: 'Publish',
            action: 'cilium:publish:local',
            input: { repoName: 'policy-test' },
          },
        ],
      },
    };
    const dryRun = async (user: string, t: object = template) => {
      const res = await request(server)
        .post('/api/scaffolder/v2/dry-run')
        .set(as(user))
        .send({
          template: t,
          values: {},
          secrets: {},
          directoryContents: [
            {
              path: 'catalog-info.yaml',
              base64Content: Buffer.from('kind: Resource\n').toString('base64'),
            },
          ],
        });
      // A refused action fails the dry run with the scaffolder's message;
      // an allowed one runs (in dry-run mode) and logs its steps.
      return res.status === 200
        ? res.body.log.map((l: any) => l.body.message).join('\n')
        : `${res.status} ${res.body.error?.message}`;
    };
    const unauthorized =
      'Unauthorized action: cilium:publish:local. The action is not allowed.';
    expect(await dryRun('bob')).toBe(`403 ${unauthorized}`);
    for (const user of ['alice', 'carol']) {
      const log = await dryRun(user);
      expect(log).toContain('hi');
      expect(log).not.toContain(unauthorized);
      expect(log).toMatch(/publish/);
    }

    // Non-admins render only clusters owned by one of their groups.
    const renderFor = (owner: string) => ({
      ...template,
      spec: {
        ...template.spec,
        steps: [
          {
            id: 'render',
            name: 'Render',
            action: 'cilium:cluster:render',
            input: { spec: { metadata: { name: 'c9', owner } } },
          },
        ],
      },
    });
    const renderRefused =
      '403 Unauthorized action: cilium:cluster:render. The action is not allowed.';
    expect(await dryRun('bob', renderFor('group:default/owners'))).toBe(
      renderRefused,
    );
    expect(await dryRun('alice', renderFor('group:default/owners'))).not.toBe(
      renderRefused,
    );
    expect(await dryRun('carol', renderFor('group:default/owners'))).not.toBe(
      renderRefused,
    );
  });
});
