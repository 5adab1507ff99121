import { ClusterMeshApiserverInfo } from '@internal/plugin-cilium-common';
import { ClusterClient } from '../kubernetes/ClusterClient';
import { mapClusterMeshApiserver } from '../mapping/cilium';

const NAME = 'clustermesh-apiserver';

/** A GET that yields undefined for 404: the object simply is not there. */
async function optional<T>(get: () => Promise<T>): Promise<T | undefined> {
  try {
    return await get();
  } catch (e) {
    if ((e as { code?: unknown }).code === 404) return undefined;
    throw e;
  }
}

export interface ClusterMeshApiserverRead {
  apiserver?: ClusterMeshApiserverInfo;
  /** Cilium version from the clustermesh-apiserver image tag. */
  ciliumVersion?: string;
}

/**
 * The clustermesh-apiserver Service and Deployment: read-only, no Secrets
 * (they hold key material) and no exec into pods.
 */
export async function readClusterMeshApiserver(
  client: ClusterClient,
  namespace: string,
  signal: AbortSignal,
): Promise<ClusterMeshApiserverRead> {
  const [svc, dep] = await Promise.all([
    optional(() => client.service(namespace, NAME, { signal })),
    optional(() => client.deployment(namespace, NAME, { signal })),
  ]);
  const image = dep?.spec?.template?.spec?.containers?.find(
    c => c.name === 'apiserver',
  )?.image;
  const tag = image?.match(/:v?(\d+\.\d+\.\d+[^@]*)/)?.[1];
  return {
    apiserver: mapClusterMeshApiserver(svc, dep),
    ...(tag ? { ciliumVersion: tag } : {}),
  };
}
