/**
 * `catalog-info.yaml`: the cluster as a Backstage `kind: Resource`,
 * `spec.type: kubernetes-cluster`, with the annotations the Cilium plugins
 * read and links to Grafana, Hubble UI and Argo CD.
 */
import {
  ANNOTATION_CILIUM_VERSION,
  ANNOTATION_CLUSTER_ID,
  ANNOTATION_CLUSTER_NAME,
  ANNOTATION_GITOPS_REPO,
  ANNOTATION_MESH_PEERS,
  ANNOTATION_KUBERNETES_API_SERVER,
  ANNOTATION_KUBERNETES_API_SERVER_CA,
  ANNOTATION_KUBERNETES_AUTH_PROVIDER,
  ANNOTATION_KUBERNETES_OIDC_TOKEN_PROVIDER,
  CLUSTER_ENTITY_TYPE,
} from '@internal/plugin-cilium-common';
import type { ClusterSpec } from '../spec/types';

/** A Backstage entity, as written to `catalog-info.yaml`. */
export interface CatalogEntity {
  apiVersion: 'backstage.io/v1alpha1';
  kind: 'Resource';
  metadata: {
    name: string;
    description: string;
    annotations: Record<string, string>;
    tags: string[];
    links: { url: string; title: string; icon: string }[];
  };
  spec: { type: string; owner: string; dependsOn?: string[] };
}

/**
 * Annotations Backstage's Kubernetes plugin reads on a cluster entity
 * (@backstage/plugin-kubernetes-common src/catalog-entity-constants.ts; its
 * CatalogClusterLocator in @backstage/plugin-kubernetes-backend
 * src/cluster-locator/CatalogClusterLocator.ts takes the cluster's URL from
 * `kubernetes.io/api-server`, the auth provider from
 * `kubernetes.io/auth-provider` and `caData` from
 * `kubernetes.io/api-server-certificate-authority`, and forwards every
 * `kubernetes.io/*` annotation as auth metadata, e.g.
 * `kubernetes.io/oidc-token-provider`). `caData` is base64 of the PEM:
 * @kubernetes/client-node's bufferFromFileOrString (dist/config.js) decodes
 * it with `Buffer.from(data, 'base64')`, and the Cilium backend's catalog
 * locator (plugins/cilium-backend src/connections/CatalogClusters.ts) hands
 * it to the same client. The CA is public; no token or key is written: a
 * credential never lands in the catalog.
 */
export function kubernetesAnnotations(
  spec: ClusterSpec,
): Record<string, string> {
  const {
    apiServerHost,
    apiServerPort,
    apiServerCA,
    authProvider,
    oidcTokenProvider,
  } = spec.spec.controlPlane;
  return {
    [ANNOTATION_KUBERNETES_API_SERVER]: `https://${apiServerHost}:${apiServerPort}`,
    ...(apiServerCA
      ? {
          [ANNOTATION_KUBERNETES_API_SERVER_CA]:
            Buffer.from(apiServerCA).toString('base64'),
        }
      : {}),
    [ANNOTATION_KUBERNETES_AUTH_PROVIDER]: authProvider,
    ...(authProvider === 'oidc' && oidcTokenProvider
      ? { [ANNOTATION_KUBERNETES_OIDC_TOKEN_PROVIDER]: oidcTokenProvider }
      : {}),
  };
}

/** `url:` location of the repository tree, as Backstage expects it. */
export function sourceLocation(repoURL: string, revision: string): string {
  const github = /^https:\/\/(github\.com|gitlab\.com)\/(.+?)(\.git)?\/?$/.exec(
    repoURL,
  );
  if (github) {
    const tree = github[1] === 'gitlab.com' ? '-/tree' : 'tree';
    return `url:https://${github[1]}/${github[2]}/${tree}/${revision}/`;
  }
  return `url:${repoURL}`;
}

export function argoCdUrl(spec: ClusterSpec): string {
  return spec.spec.gitops.argoCDURL ?? `https://argocd.${spec.spec.dns.domain}`;
}

export function catalogInfo(
  spec: ClusterSpec,
  ciliumVersion: string,
): CatalogEntity {
  const { metadata } = spec;
  const body = spec.spec;
  const links = [
    ...(body.observability
      ? [
          {
            url: `https://${body.observability.grafanaHost}`,
            title: 'Grafana',
            icon: 'dashboard',
          },
          {
            url: `https://${body.observability.hubbleUIHost}`,
            title: 'Hubble UI',
            icon: 'dashboard',
          },
        ]
      : []),
    {
      url: `${argoCdUrl(spec).replace(/\/$/, '')}/applications`,
      title: 'Argo CD',
      icon: 'dashboard',
    },
  ];
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: metadata.name,
      description:
        metadata.description ??
        `Kubernetes cluster ${metadata.name} (Cilium ${ciliumVersion}, cluster id ${body.clusterId}), managed by Argo CD from its GitOps repository.`,
      annotations: {
        [ANNOTATION_CLUSTER_NAME]: metadata.name,
        [ANNOTATION_CLUSTER_ID]: String(body.clusterId),
        [ANNOTATION_MESH_PEERS]: body.clusterMesh.peers.join(','),
        [ANNOTATION_CILIUM_VERSION]: ciliumVersion,
        [ANNOTATION_GITOPS_REPO]: body.gitops.repoURL,
        ...kubernetesAnnotations(spec),
        'backstage.io/source-location': sourceLocation(
          body.gitops.repoURL,
          body.gitops.targetRevision,
        ),
      },
      tags: ['cilium', 'kubernetes-cluster', 'gitops'],
      links,
    },
    spec: {
      type: CLUSTER_ENTITY_TYPE,
      owner: metadata.owner,
      // Mesh peers as catalog relations, so the catalog graph draws the mesh.
      ...(body.clusterMesh.peers.length
        ? { dependsOn: body.clusterMesh.peers.map(p => `resource:${p}`) }
        : {}),
    },
  };
}
