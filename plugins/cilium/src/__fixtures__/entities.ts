import { Entity } from '@backstage/catalog-model';

/** A cluster entity as the generator writes it into `catalog-info.yaml`. */
export const clusterEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'prod-eu-1',
    namespace: 'default',
    title: 'Production EU 1',
    annotations: {
      'cilium-gitops/cluster-name': 'prod-eu-1',
      'cilium-gitops/cluster-id': '1',
      'cilium-gitops/mesh-peers': 'prod-us-1,staging-eu-1',
      'cilium-gitops/cilium-version': '1.19.4',
    },
    links: [
      { url: 'https://hubble.prod-eu-1.example.com', title: 'Hubble UI' },
      { url: 'https://grafana.example.com/d/cilium', title: 'Grafana' },
      { url: 'https://argocd.example.com/applications', title: 'Argo CD' },
    ],
  },
  spec: { type: 'kubernetes-cluster', owner: 'group:platform' },
};

export const peerEntity = (name: string, id: number): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name,
    namespace: 'default',
    annotations: {
      'cilium-gitops/cluster-name': name,
      'cilium-gitops/cluster-id': String(id),
    },
  },
  spec: { type: 'kubernetes-cluster', owner: 'group:platform' },
});

export const componentEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default' },
  spec: { type: 'service', owner: 'group:shop', lifecycle: 'production' },
};
