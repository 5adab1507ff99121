import type {
  IGateway,
  IHTTPRoute,
} from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1';
import type { ComponentRenderer } from '../types';
import { BOOKINFO_PORT, bookinfoWorkloads } from './bookinfoWorkloads';
import { hostInDomain } from './clusterFacts';
import { toKubeObject } from './kubeObject';

const GATEWAY = 'bookinfo-tls';

/**
 * bookinfo behind a TLS Gateway (class cilium): two HTTPS listeners, one per
 * host name, each with its own certificate from the cluster issuer
 * (cert-manager's Gateway support), and two HTTPRoutes: `/details` on
 * `details.<domain>` to details:9080 and `/` on `bookinfo.<domain>` to
 * productpage:9080. ExternalDNS publishes the route host names.
 */
export const renderBookinfo: ComponentRenderer = ctx => {
  const { spec } = ctx;
  const namespace = ctx.addon.namespace;
  const hosts = {
    productpage: hostInDomain(spec, 'bookinfo'),
    details: hostInDomain(spec, 'details'),
  };
  const annotations: Record<string, string> = {};
  if (spec.spec.tls)
    annotations['cert-manager.io/cluster-issuer'] = spec.spec.tls.clusterIssuer;

  const listener = (name: string, hostname: string) => ({
    name,
    protocol: 'HTTPS',
    port: 443,
    hostname,
    tls: {
      mode: 'Terminate' as const,
      certificateRefs: [{ kind: 'Secret', name: `${name}-tls` }],
    },
    allowedRoutes: { namespaces: { from: 'Same' as const } },
  });
  const gateway: IGateway = {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name: GATEWAY, namespace, annotations },
    spec: {
      gatewayClassName: 'cilium',
      listeners: [
        listener('https-bookinfo', hosts.productpage),
        listener('https-details', hosts.details),
      ],
    },
  };
  const route = (
    name: string,
    hostname: string,
    path: string,
    service: string,
  ): IHTTPRoute => ({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name, namespace },
    spec: {
      parentRefs: [{ name: GATEWAY }],
      hostnames: [hostname],
      rules: [
        {
          matches: [{ path: { type: 'PathPrefix', value: path } }],
          backendRefs: [
            { kind: 'Service', name: service, port: BOOKINFO_PORT },
          ],
        },
      ],
    },
  });
  const registry = ctx.pins.imageRegistry ?? 'docker.io/istio';
  const tag = ctx.pins.imageTag ?? '1.20.3';
  return {
    manifests: [
      ...bookinfoWorkloads(namespace, registry, tag),
      toKubeObject(gateway),
      toKubeObject(
        route('bookinfo-details', hosts.details, '/details', 'details'),
      ),
      toKubeObject(
        route('bookinfo-productpage', hosts.productpage, '/', 'productpage'),
      ),
    ],
  };
};
