import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  demoClusterObjects,
  startKubernetesTestServer,
} from '@internal/cilium-test-servers';
import type { FlowsSummary } from '@internal/plugin-cilium-common';
import ciliumPlugin from '@internal/plugin-cilium-backend';

/** The cilium backend plugin (cache off) in front of one relay. */
export async function startSummaryBackend(relayAddress: string) {
  const kube = await startKubernetesTestServer({
    objects: demoClusterObjects('democluster1'),
  });
  const backend = await startTestBackend({
    features: [
      ciliumPlugin,
      mockServices.rootConfig.factory({
        data: {
          kubernetes: {
            serviceLocatorMethod: { type: 'multiTenant' },
            clusterLocatorMethods: [
              {
                type: 'config',
                clusters: [
                  {
                    name: 'democluster1',
                    url: kube.url,
                    authProvider: 'serviceAccount',
                    serviceAccountToken: kube.token,
                    skipTLSVerify: true,
                  },
                ],
              },
            ],
          },
          cilium: {
            cacheTtlSeconds: 0,
            timeoutMs: 30_000,
            clusters: [
              {
                name: 'democluster1',
                meshPeers: [],
                hubble: { address: relayAddress },
              },
            ],
          },
        },
      }),
      catalogServiceMock.factory({ entities: [] }),
    ],
  });
  const base = `http://127.0.0.1:${backend.server.port()}/api/cilium`;
  return {
    summary: async (last: number): Promise<FlowsSummary> => {
      const res = await fetch(
        `${base}/clusters/democluster1/flows/summary?last=${last}`,
        { headers: { Authorization: mockCredentials.user.header() } },
      );
      if (!res.ok)
        throw new Error(`summary: HTTP ${res.status} ${await res.text()}`);
      return (await res.json()) as FlowsSummary;
    },
    stop: async () => {
      await backend.stop();
      await kube.close();
    },
  };
}
