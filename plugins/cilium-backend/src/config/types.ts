import { Config } from '@backstage/config';
import type { KubeConfig } from '@kubernetes/client-node';

/** Where a cluster's Argo CD Applications are read and how they are picked. */
export interface ArgoCdSettings {
  /** Name of the configured cluster Argo CD runs in. */
  cluster: string;
  namespace: string;
  baseUrl?: string;
  labelSelector?: string;
  destinationNames: string[];
  destinationServers: string[];
}

/** One cluster the status API may contact; built from configuration only. */
export interface ClusterDefinition {
  name: string;
  title?: string;
  /** API server URL, from configuration. */
  url: string;
  /** Ready-to-use client configuration (token, CA, TLS). */
  kubeConfig: KubeConfig;
  ciliumNamespace: string;
  /** The cluster's `hubble` config block, when configured. */
  hubble?: Config;
  /** The cluster's `prometheus` config block, when configured. */
  prometheus?: Config;
  argocd: ArgoCdSettings;
  /** Expected mesh peers from configuration; else from the catalog. */
  meshPeers?: string[];
  /** Where the cluster's GitOps repository is read (see `config/gitSettings`). */
  git?: GitRepoSettings;
}

export type { GitRepoSettings } from '@internal/plugin-scaffolder-backend-module-cilium';
import type { GitRepoSettings } from '@internal/plugin-scaffolder-backend-module-cilium';

export interface CiliumSettings {
  timeoutMs: number;
  cacheTtlMs: number;
  pageSize: number;
  clusters: ClusterDefinition[];
}
