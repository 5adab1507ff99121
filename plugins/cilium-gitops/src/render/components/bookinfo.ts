import type {
  IGateway,
  IHTTPRoute,
} from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1';
import type { ComponentRenderer } from '../types';
import { BOOKINFO_PORT, bookinfoWorkloads } from './bookinfoWorkloads';
import { hostInDomain } from './clusterFacts';
import {
  gatewayParentRef,
  secretCertificateRef,
  serviceBackendRef,
} from './gatewayRefs';
import { toKubeObject } from './kubeObject';
import type { ClusterSpec } from '../../spec/types';

const GATEWAY = 'bookinfo-tls';

/**
 * The two host names of the TLS demo, paired with routes as in Cilium's
 * examples/kubernetes/gateway/basic-https.yaml: `/details` on the bookinfo
 * host (`curl https://bookinfo.<domain>/details/1` answers details' JSON) and
 * `/` on the second host (`https://hipstershop.<domain>/` is the product page).
 */
export function bookinfoHosts(spec: ClusterSpec) {
  return {
    details: hostInDomain(spec, 'bookinfo'),
    productpage: hostInDomain(spec, 'hipstershop'),
  };
}

/**
 * bookinfo behind a TLS Gateway (class cilium): two HTTPS listeners, one per
 * host name, each with its own certificate from the cluster issuer
 * (cert-manager's Gateway support), and two HTTPRoutes (see
 * {@link bookinfoHosts}). ExternalDNS publishes the route host names.
 */
export const renderBookinfo: ComponentRenderer = ctx => {
  const { spec } = ctx;
  const namespace = ctx.addon.namespace;
  const hosts = bookinfoHosts(spec);
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
      certificateRefs: [secretCertificateRef(`${name}-tls`)],
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
        listener('https-bookinfo', hosts.details),
        listener('https-hipstershop', hosts.productpage),
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
      parentRefs: [gatewayParentRef(GATEWAY)],
      hostnames: [hostname],
      rules: [
        {
          matches: [{ path: { type: 'PathPrefix', value: path } }],
          backendRefs: [serviceBackendRef(service, BOOKINFO_PORT)],
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
