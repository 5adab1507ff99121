import fs from 'node:fs';
import { KubeConfig } from '@kubernetes/client-node';

/** Token file of the pod's service account, used when no token is configured. */
const IN_CLUSTER_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';

export interface ConfiguredCluster {
  name: string;
  url: string;
  title?: string;
  token?: string;
  caData?: string;
  caFile?: string;
  skipTLSVerify?: boolean;
}

/** A client configuration for one cluster of `kubernetes.clusterLocatorMethods`. */
export function kubeConfigFor(cluster: ConfiguredCluster): KubeConfig {
  let token = cluster.token;
  if (!token && fs.existsSync(IN_CLUSTER_TOKEN)) {
    token = fs.readFileSync(IN_CLUSTER_TOKEN, 'utf8').trim();
  }
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [
      {
        name: cluster.name,
        server: cluster.url,
        caData: cluster.caData,
        caFile: cluster.caFile,
        // client-node refuses plain http unless TLS verification is off;
        // there is no TLS to verify on http anyway.
        skipTLSVerify: cluster.skipTLSVerify || cluster.url.startsWith('http:'),
      },
    ],
    users: [{ name: cluster.name, ...(token ? { token } : {}) }],
    contexts: [
      { name: cluster.name, cluster: cluster.name, user: cluster.name },
    ],
    currentContext: cluster.name,
  });
  return kc;
}

/** One client configuration per context of a kubeconfig file. */
export function kubeConfigsFromFile(
  path: string,
): { name: string; url: string; kubeConfig: KubeConfig }[] {
  const file = new KubeConfig();
  file.loadFromFile(path);
  return file.getContexts().map(context => {
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: file.getClusters(),
      users: file.getUsers(),
      contexts: file.getContexts(),
      currentContext: context.name,
    });
    const cluster = kc.getCurrentCluster();
    if (!cluster) {
      throw new Error(
        `kubeconfig ${path}: context ${context.name} names an unknown cluster`,
      );
    }
    return { name: context.name, url: cluster.server, kubeConfig: kc };
  });
}
