import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  clientCertificate,
  demoClusterObjects,
  HubbleRelayTestServer,
  KubernetesTestServer,
  startHubbleRelayTestServer,
  startKubernetesTestServer,
} from '@internal/cilium-test-servers';
import {
  ClustersResponse,
  FlowsResponse,
} from '@internal/plugin-cilium-common';
import { stringify } from 'yaml';
import { AUTH, startPlugin } from './__testUtils__/testEnvironment';

const b64 = (s: string) => Buffer.from(s).toString('base64');

/**
 * Every way README and config.d.ts say a cluster can be reached, through
 * the real configuration, against HTTPS test servers: `~` paths, kubeconfig
 * contexts with a token and with a client certificate, `caFile`, the pod's
 * service account, and a Hubble Relay over TLS with `caData` and `caFile`.
 */
describe('cilium backend configuration paths', () => {
  const client = clientCertificate('alice');
  let server: KubernetesTestServer;
  let relay: HubbleRelayTestServer;
  let home: string;
  const realHome = process.env.HOME;
  const env = { ...process.env };

  beforeAll(async () => {
    server = await startKubernetesTestServer({
      objects: demoClusterObjects('democluster1'),
      tls: true,
      clientCa: client.caPem,
    });
    relay = await startHubbleRelayTestServer({
      cluster: 'democluster1',
      tls: true,
    });
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'cilium-home-'));
    process.env.HOME = home; // os.homedir() follows $HOME
    fs.mkdirSync(path.join(home, '.kube'));
    fs.writeFileSync(path.join(home, 'api-ca.crt'), server.caPem!);
    fs.writeFileSync(path.join(home, 'relay-ca.crt'), relay.caPem!);
  });
  afterAll(async () => {
    process.env.HOME = realHome;
    process.env = env;
    await server.close();
    await relay.close();
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('connects through kubeconfig contexts (token, client certificate) at ~/.kube/config', async () => {
    fs.writeFileSync(
      path.join(home, '.kube', 'config'),
      stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [
          {
            name: 'test',
            cluster: {
              server: server.url,
              'certificate-authority-data': b64(server.caPem!),
            },
          },
        ],
        users: [
          { name: 'token-user', user: { token: server.token } },
          {
            name: 'cert-user',
            user: {
              'client-certificate-data': b64(client.cert),
              'client-key-data': b64(client.key),
            },
          },
        ],
        contexts: [
          {
            name: 'with-token',
            context: { cluster: 'test', user: 'token-user' },
          },
          {
            name: 'with-cert',
            context: { cluster: 'test', user: 'cert-user' },
          },
        ],
        'current-context': 'with-token',
      }),
    );
    const { http, backend } = await startPlugin({
      clusters: [],
      cilium: { kubeconfig: '~/.kube/config' },
    });
    try {
      server.resetCounts();
      const list = (await http.get('/api/cilium/clusters').set(AUTH))
        .body as ClustersResponse;
      expect(list.items.map(i => [i.name, i.reachable, i.error])).toEqual([
        ['with-token', true, undefined],
        ['with-cert', true, undefined],
      ]);
      expect([...new Set(server.identities)].sort()).toEqual([
        'cert:alice',
        'token',
      ]);
    } finally {
      await backend.stop();
    }
  });

  it('verifies the API server with caFile at ~/ and reaches the Relay over TLS with caData (base64) and caFile', async () => {
    const cluster = (name: string, connection: object, tls: object) => ({
      name,
      server,
      connection: { skipTLSVerify: false, ...connection },
      extras: { meshPeers: [], hubble: { address: relay.address, tls } },
      close: async () => {},
    });
    const { http, backend } = await startPlugin({
      clusters: [
        cluster(
          'ca-file',
          { caFile: '~/api-ca.crt' },
          { enabled: true, caData: b64(relay.caPem!) },
        ),
        cluster(
          'ca-data',
          { caData: b64(server.caPem!) },
          { enabled: true, caFile: '~/relay-ca.crt' },
        ),
        cluster(
          'untrusted-relay',
          { caData: b64(server.caPem!) },
          { enabled: true },
        ),
      ],
    });
    try {
      const list = (await http.get('/api/cilium/clusters').set(AUTH))
        .body as ClustersResponse;
      expect(list.items.map(i => [i.name, i.reachable])).toEqual([
        ['ca-file', true],
        ['ca-data', true],
        ['untrusted-relay', true],
      ]);
      for (const name of ['ca-file', 'ca-data']) {
        const flows = (
          await http.get(`/api/cilium/clusters/${name}/flows`).set(AUTH)
        ).body as FlowsResponse;
        expect(flows.error).toBeUndefined();
        expect(flows.flows.length).toBeGreaterThan(0);
      }
      const refused = (
        await http.get('/api/cilium/clusters/untrusted-relay/flows').set(AUTH)
      ).body as FlowsResponse;
      expect(refused.error).toMatchObject({
        source: 'hubble',
        reason: 'unreachable',
      });
    } finally {
      await backend.stop();
    }
  });

  it("uses the pod's service account (KUBERNETES_SERVICE_HOST/PORT, token and ca.crt)", async () => {
    const sa = fs.mkdtempSync(path.join(os.tmpdir(), 'serviceaccount-'));
    // as the kubelet writes it: no trailing newline
    fs.writeFileSync(path.join(sa, 'token'), server.token);
    fs.writeFileSync(path.join(sa, 'ca.crt'), server.caPem!);
    fs.writeFileSync(path.join(sa, 'namespace'), 'backstage');
    const url = new URL(server.url);
    process.env.KUBERNETES_SERVICE_HOST = url.hostname;
    process.env.KUBERNETES_SERVICE_PORT = url.port;
    const { http, backend } = await startPlugin({
      clusters: [],
      cilium: {
        inCluster: { name: 'hub', serviceAccountDir: sa },
        clusters: [{ name: 'hub', meshPeers: [] }],
      },
    });
    try {
      server.resetCounts();
      const list = (await http.get('/api/cilium/clusters').set(AUTH))
        .body as ClustersResponse;
      expect(list.items).toEqual([
        expect.objectContaining({
          name: 'hub',
          reachable: true,
          kubernetesVersion: 'v1.33.2',
        }),
      ]);
      const status = await http
        .get('/api/cilium/clusters/hub/status')
        .set(AUTH);
      expect(status.body.gatewayCounts.total).toBe(4);
      expect(server.identities.every(i => i === 'token')).toBe(true);
    } finally {
      await backend.stop();
      delete process.env.KUBERNETES_SERVICE_HOST;
      delete process.env.KUBERNETES_SERVICE_PORT;
      fs.rmSync(sa, { recursive: true, force: true });
    }
  });
});
