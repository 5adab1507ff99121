import {
  demoClusterObjects,
  KubernetesTestServer,
  startKubernetesTestServer,
} from '@internal/cilium-test-servers';
import {
  ClusterStatus,
  ClustersResponse,
} from '@internal/plugin-cilium-common';
import { AUTH, startPlugin } from './__testUtils__/testEnvironment';

describe('cilium backend plugin against an HTTPS API server', () => {
  let server: KubernetesTestServer;

  beforeAll(async () => {
    server = await startKubernetesTestServer({
      objects: demoClusterObjects('democluster1'),
      tls: true,
    });
  });
  afterAll(() => server.close());

  it('verifies the server with caData, fails without it, and honours skipTLSVerify and a wrong token', async () => {
    const caData = Buffer.from(server.caPem!).toString('base64');
    const entry = (name: string, connection: Record<string, unknown>) => ({
      name,
      server,
      connection,
      close: async () => {},
    });
    const { http, backend } = await startPlugin({
      clusters: [
        entry('trusted', { skipTLSVerify: false, caData }),
        entry('untrusted', { skipTLSVerify: false }),
        entry('unverified', { skipTLSVerify: true }),
        entry('wrong-token', {
          caData,
          skipTLSVerify: false,
          serviceAccountToken: 'nope',
        }),
      ],
    });
    try {
      const list = (await http.get('/api/cilium/clusters').set(AUTH))
        .body as ClustersResponse;
      expect(
        list.items.map(i => [i.name, i.reachable, i.error?.reason]),
      ).toEqual([
        ['trusted', true, undefined],
        ['untrusted', false, 'unreachable'],
        ['unverified', true, undefined],
        ['wrong-token', false, 'unauthorized'],
      ]);
      expect(list.items[1].error!.message).toMatch(/certificate/i);

      const trusted = (
        await http.get('/api/cilium/clusters/trusted/status').set(AUTH)
      ).body as ClusterStatus;
      expect(trusted.gatewayCounts?.total).toBe(4);
      const denied = (
        await http.get('/api/cilium/clusters/wrong-token/status').set(AUTH)
      ).body as ClusterStatus;
      expect(denied.errors[0]).toMatchObject({
        source: 'cluster',
        reason: 'unauthorized',
        statusCode: 401,
      });
      expect(JSON.stringify(denied)).not.toContain('nope');
    } finally {
      await backend.stop();
    }
  });
});
