import * as k8s from '@kubernetes/client-node';

export interface BenchCluster {
  name: string;
  url: string;
  token: string;
}

const PAGE = 500;

/**
 * The floor: the same reads the status API makes for one cluster, done
 * directly with @kubernetes/client-node, in parallel, with the same paging,
 * and nothing else (no mapping, no HTTP response).
 */
export function rawReader(cluster: BenchCluster) {
  const kc = new k8s.KubeConfig();
  kc.loadFromOptions({
    clusters: [
      { name: cluster.name, server: cluster.url, skipTLSVerify: true },
    ],
    users: [{ name: cluster.name, token: cluster.token }],
    contexts: [
      { name: cluster.name, cluster: cluster.name, user: cluster.name },
    ],
    currentContext: cluster.name,
  });
  const custom = kc.makeApiClient(k8s.CustomObjectsApi);
  const core = kc.makeApiClient(k8s.CoreV1Api);
  const apps = kc.makeApiClient(k8s.AppsV1Api);

  const listAll = async (
    group: string,
    version: string,
    plural: string,
    namespace?: string,
  ) => {
    const items: unknown[] = [];
    let next: string | undefined;
    do {
      const params = { group, version, plural, limit: PAGE, _continue: next };
      const page = namespace
        ? await custom.listNamespacedCustomObject({ ...params, namespace })
        : await custom.listClusterCustomObject(params);
      items.push(...page.items);
      next = page.metadata?.continue || undefined;
    } while (next);
    return items;
  };
  const ok404 = (p: Promise<unknown>) =>
    p.catch(e => (e.code === 404 ? undefined : Promise.reject(e)));

  return () =>
    Promise.all([
      core.readNamespacedConfigMap({
        namespace: 'kube-system',
        name: 'cilium-config',
      }),
      listAll('gateway.networking.k8s.io', 'v1', 'gatewayclasses'),
      listAll('gateway.networking.k8s.io', 'v1', 'gateways'),
      listAll('gateway.networking.k8s.io', 'v1', 'httproutes'),
      listAll('cilium.io', 'v2', 'ciliumnodes'),
      listAll('cilium.io', 'v2', 'ciliumloadbalancerippools'),
      listAll('cilium.io', 'v2', 'ciliumbgpclusterconfigs'),
      listAll('cilium.io', 'v2', 'ciliumbgpnodeconfigs'),
      ok404(
        core.readNamespacedService({
          namespace: 'kube-system',
          name: 'clustermesh-apiserver',
        }),
      ),
      ok404(
        apps.readNamespacedDeployment({
          namespace: 'kube-system',
          name: 'clustermesh-apiserver',
        }),
      ),
      listAll('argoproj.io', 'v1alpha1', 'applications', 'argocd'),
    ]);
}
