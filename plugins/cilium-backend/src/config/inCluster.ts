import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Config } from '@backstage/config';
import { KubeConfig } from '@kubernetes/client-node';
import { expandHome } from './paths';

/** Where Kubernetes mounts a pod's service account (token, ca.crt). */
export const SERVICE_ACCOUNT_DIR =
  '/var/run/secrets/kubernetes.io/serviceaccount';

/**
 * `cilium.inCluster`: the cluster the backend runs in, through the pod's
 * service account, as `KubeConfig.loadFromCluster` does it: the API server
 * from `KUBERNETES_SERVICE_HOST`/`KUBERNETES_SERVICE_PORT`, the CA from
 * `<dir>/ca.crt` and the token from `<dir>/token`, re-read when it rotates
 * (client-node's `tokenFile` auth provider). `serviceAccountDir` moves the
 * directory (projected volumes; tests).
 */
export function inClusterCluster(
  config: Config,
  env: NodeJS.ProcessEnv = process.env,
): { name: string; url: string; kubeConfig: KubeConfig } {
  const name = config.getOptionalString('name') ?? 'in-cluster';
  const dir = expandHome(
    config.getOptionalString('serviceAccountDir') ?? SERVICE_ACCOUNT_DIR,
  );
  const host = env.KUBERNETES_SERVICE_HOST;
  const port = env.KUBERNETES_SERVICE_PORT;
  if (!host || !port) {
    throw new Error(
      'cilium.inCluster needs KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT, which Kubernetes sets in every pod; they are not set',
    );
  }
  const caFile = path.join(dir, 'ca.crt');
  const tokenFile = path.join(dir, 'token');
  for (const file of [caFile, tokenFile]) {
    if (!fs.existsSync(file)) {
      throw new Error(
        `cilium.inCluster: ${file} does not exist (is a service account token mounted? set cilium.inCluster.serviceAccountDir if it is elsewhere)`,
      );
    }
  }
  const url = `https://${net.isIPv6(host) ? `[${host}]` : host}:${port}`;
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [{ name, server: url, caFile, skipTLSVerify: false }],
    users: [
      { name, authProvider: { name: 'tokenFile', config: { tokenFile } } },
    ],
    contexts: [{ name, cluster: name, user: name }],
    currentContext: name,
  });
  return { name, url, kubeConfig };
}
