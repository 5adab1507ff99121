import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { actionsRegistryServiceFactory } from '@backstage/backend-defaults/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  AUTH,
  demoCluster,
  startPlugin,
  TestCluster,
} from './__testUtils__/testEnvironment';

/** The actions endpoint the MCP actions backend calls, per action. */
const invoke = (id: string) =>
  `/api/cilium/.backstage/actions/v1/actions/${id}/invoke`;

describe('cilium actions for AI assistants', () => {
  let clusters: TestCluster[];
  beforeAll(async () => {
    clusters = [
      await demoCluster('democluster1', {}, { hubble: true }),
      await demoCluster('democluster2'),
    ];
  });
  afterAll(async () => {
    await Promise.all(clusters.map(c => c.close()));
  });

  it('lists the three actions with their JSON schemas', async () => {
    const { http, backend } = await startPlugin({
      clusters,
      features: [actionsRegistryServiceFactory],
    });
    try {
      const res = await http
        .get('/api/cilium/.backstage/actions/v1/actions')
        .set(AUTH);
      expect(res.status).toBe(200);
      const ids = res.body.actions.map((a: { id: string }) => a.id);
      expect(ids).toEqual([
        'cilium:get-cluster-status',
        'cilium:get-flows',
        'cilium:get-mesh',
      ]);
      const flows = res.body.actions[1];
      expect(flows.attributes.readOnly).toBe(true);
      expect(flows.schema.input.required).toEqual(['cluster']);
      expect(flows.schema.input.properties.verdict.enum).toContain('DROPPED');
    } finally {
      await backend.stop();
    }
  });

  it('answers what the status, flows and mesh routes show, compactly', async () => {
    const { http, backend } = await startPlugin({
      clusters,
      features: [actionsRegistryServiceFactory],
    });
    try {
      const res = await http
        .post(invoke('cilium:get-cluster-status'))
        .set(AUTH)
        .send({ cluster: 'democluster1' });
      expect(res.status).toBe(200);
      const status = (
        await http.get('/api/cilium/clusters/democluster1/status').set(AUTH)
      ).body;
      const out = res.body.output;
      expect(out).toMatchObject({
        cluster: 'democluster1',
        ciliumVersion: status.ciliumConfig.version,
        clusterId: status.ciliumConfig.clusterId,
        gateways: status.gatewayCounts,
        httpRoutes: status.httpRouteCounts,
        ciliumNodes: { total: status.ciliumNodes.length },
        hubble: { healthy: true },
        meshPeers: [{ name: 'democluster2' }],
        errors: [],
      });
      expect(out.gateways.total).toBeGreaterThan(0);
      expect(out.argocdApplications.length).toBe(
        status.argocd.applications.length,
      );
      // Compact: no per-object detail.
      expect(JSON.stringify(out).length).toBeLessThan(
        JSON.stringify(status).length / 2,
      );

      const flows = await http
        .post(invoke('cilium:get-flows'))
        .set(AUTH)
        .send({ cluster: 'democluster1', verdict: 'DROPPED', last: 5 });
      expect(flows.status).toBe(200);
      const { output } = flows.body;
      expect(output.flows.length).toBeGreaterThan(0);
      expect(output.flows.length).toBeLessThanOrEqual(5);
      for (const f of output.flows) {
        expect(f.verdict).toBe('DROPPED');
        expect(f.line).toMatch(/ (DROPPED|DENIED) /); // as hubble observe prints it
      }
      expect(Object.keys(output.verdictCounts)).toEqual(['DROPPED']);

      // democluster2 has no Relay: the answer says so, it does not fail.
      const none = await http
        .post(invoke('cilium:get-flows'))
        .set(AUTH)
        .send({ cluster: 'democluster2' });
      expect(none.body.output).toMatchObject({
        flows: [],
        error: expect.stringContaining('No Hubble Relay configured'),
      });

      const mesh = await http
        .post(invoke('cilium:get-mesh'))
        .set(AUTH)
        .send({});
      expect(mesh.status).toBe(200);
      expect(
        mesh.body.output.clusters.map((c: { name: string }) => c.name),
      ).toEqual(['democluster1', 'democluster2']);
      expect(mesh.body.output.clusters[0].peers[0].name).toBe('democluster2');
    } finally {
      await backend.stop();
    }
  });

  it('rejects bad input naming the field, and unknown clusters', async () => {
    const { http, backend } = await startPlugin({
      clusters,
      features: [actionsRegistryServiceFactory],
    });
    try {
      const bad = await http
        .post(invoke('cilium:get-flows'))
        .set(AUTH)
        .send({ cluster: 'democluster1', last: 1000 });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toContain('last');
      const unknown = await http
        .post(invoke('cilium:get-cluster-status'))
        .set(AUTH)
        .send({ cluster: 'nope' });
      expect(unknown.status).toBe(404);
    } finally {
      await backend.stop();
    }
  });

  it("checks the route's permission with the caller's credentials", async () => {
    const permissions = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(r => ({
          result:
            (r as any).permission.name === 'cilium.flows.read'
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        })) as any,
      authorizeConditional: async requests =>
        requests.map(() => ({ result: AuthorizeResult.DENY })) as any,
    });
    const { http, backend } = await startPlugin({
      clusters,
      features: [actionsRegistryServiceFactory, permissions.factory],
    });
    try {
      const flows = await http
        .post(invoke('cilium:get-flows'))
        .set(AUTH)
        .send({ cluster: 'democluster1' });
      expect(flows.status).toBe(403);
      expect(flows.body.error).toMatchObject({
        name: 'NotAllowedError',
        message: 'Missing permission cilium.flows.read',
      });
      expect(permissions.authorize).toHaveBeenCalledWith(
        [
          expect.objectContaining({
            permission: expect.objectContaining({ name: 'cilium.flows.read' }),
            resourceRef: 'resource:default/democluster1',
          }),
        ],
        { credentials: mockCredentials.user() },
      );
      const mesh = await http
        .post(invoke('cilium:get-mesh'))
        .set(AUTH)
        .send({});
      expect(mesh.status).toBe(403);
      const status = await http
        .post(invoke('cilium:get-cluster-status'))
        .set(AUTH)
        .send({ cluster: 'democluster1' });
      expect(status.status).toBe(200);
    } finally {
      await backend.stop();
    }
  });
});
