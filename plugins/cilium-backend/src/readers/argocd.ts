import { ArgoApplicationInfo } from '@internal/plugin-cilium-common';
import { ArgoCdSettings } from '../config/types';
import { ClusterClient } from '../kubernetes/ClusterClient';
import {
  byWaveThenName,
  mapArgoApplication,
  targetsCluster,
} from '../mapping/argocd';

/**
 * The Applications that deploy to this cluster, read from the Kubernetes API
 * of the cluster Argo CD runs in (`argocd.cluster`), in sync-wave order.
 */
export async function readArgoApplications(
  argoClient: ClusterClient,
  argo: ArgoCdSettings,
  signal: AbortSignal,
): Promise<ArgoApplicationInfo[]> {
  const items = await argoClient.list(
    'argoproj.io',
    'v1alpha1',
    'applications',
    {
      namespace: argo.namespace,
      labelSelector: argo.labelSelector,
      signal,
    },
  );
  return items
    .filter(app => targetsCluster(app, argo))
    .map(app => mapArgoApplication(app, argo.baseUrl))
    .sort(byWaveThenName);
}
