import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1';
import type { ComponentRenderer } from '../types';
import { toKubeObject } from './kubeObject';

/**
 * Hubble UI behind the Cilium Ingress controller: a certificate from the
 * cluster issuer (cert-manager's ingress-shim) and a DNS record (ExternalDNS).
 */
export const renderHubbleUiIngress: ComponentRenderer = ctx => {
  const { observability, tls } = ctx.spec.spec;
  if (!observability) return {};
  const host = observability.hubbleUIHost;
  const annotations: Record<string, string> = {
    'external-dns.alpha.kubernetes.io/hostname': host,
  };
  if (tls) annotations['cert-manager.io/cluster-issuer'] = tls.clusterIssuer;
  const ingress: IIngress = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name: 'hubble-ui',
      namespace: ctx.addon.namespace,
      annotations,
    },
    spec: {
      ingressClassName: 'cilium',
      tls: [{ hosts: [host], secretName: 'hubble-ui-tls' }],
      rules: [
        {
          host,
          http: {
            paths: [
              {
                path: '/',
                pathType: 'Prefix',
                backend: {
                  service: { name: 'hubble-ui', port: { number: 80 } },
                },
              },
            ],
          },
        },
      ],
    },
  };
  return { manifests: [toKubeObject(ingress)] };
};
