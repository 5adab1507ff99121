import * as k8s from '@kubernetes/client-node';
import { startDemoEnvironment } from './demoEnvironment';

describe('startDemoEnvironment', () => {
  it('starts both demo clusters and gives config that reaches them', async () => {
    const env = await startDemoEnvironment();
    try {
      const [c1] = (env.config as any).kubernetes.clusterLocatorMethods[0]
        .clusters;
      const kc = new k8s.KubeConfig();
      kc.loadFromOptions({
        clusters: [{ name: 'c', server: c1.url, skipTLSVerify: true }],
        users: [{ name: 'u', token: c1.serviceAccountToken }],
        contexts: [{ name: 'c', cluster: 'c', user: 'u' }],
        currentContext: 'c',
      });
      const cm = await kc.makeApiClient(k8s.CoreV1Api).readNamespacedConfigMap({
        name: 'cilium-config',
        namespace: 'kube-system',
      });
      expect(cm.data?.['cluster-name']).toBe('democluster1');
      expect((env.config as any).cilium.clusters[0]).toMatchObject({
        name: 'democluster1',
        hubble: { address: env.clusters.democluster1.relay!.address },
        meshPeers: ['democluster2'],
      });
      // Its Prometheus answers the configured header, with the demo series.
      const prom = (env.config as any).cilium.clusters[0].prometheus;
      const res = await fetch(
        `${prom.url}/api/v1/query?query=cilium_bgp_control_plane_session_state`,
        { headers: { Authorization: prom.authorization } },
      );
      const body = await res.json();
      expect(body.data.result.length).toBe(2);
    } finally {
      await env.close();
    }
  });
});
