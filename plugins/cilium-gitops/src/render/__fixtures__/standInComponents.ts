/**
 * Small stand-in component renderers for the renderer-core tests only: they
 * exercise every kind of output (values, built-in and custom resources,
 * files, secrets, ignoreDifferences) without depending on the real ones.
 */
import type { ClusterSpec } from '../../spec/types';
import type { ComponentSet } from '../renderRepo';
import type {
  ComponentOutput,
  ComponentRenderer,
  RenderContext,
} from '../types';

function configMap(ctx: RenderContext): ComponentOutput['manifests'] {
  return [
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: `${ctx.addon.id}-info`,
        namespace: ctx.addon.namespace,
      },
      data: { cluster: ctx.spec.metadata.name, cilium: ctx.ciliumVersion },
    },
  ];
}

const renderers: Record<string, ComponentRenderer> = {
  'gateway-api-crds': () => ({}),
  'prometheus-operator-crds': () => ({}),
  cilium: ctx => ({
    values: {
      cluster: { name: ctx.spec.metadata.name, id: ctx.spec.spec.clusterId },
    },
    ignoreDifferences: [
      { kind: 'Secret', name: 'hubble-server-certs', jsonPointers: ['/data'] },
    ],
  }),
  'cilium-config': ctx => ({
    manifests: ctx.spec.spec.network.loadBalancerPools.map(pool => ({
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumLoadBalancerIPPool',
      metadata: { name: pool.name },
      spec: { blocks: [{ cidr: pool.cidr }] },
    })),
    files: ctx.spec.spec.bgp?.router
      ? [
          {
            path: 'router/frr.conf',
            content: `hostname ${ctx.spec.spec.bgp.router.hostname}\n`,
          },
        ]
      : [],
  }),
  'external-dns': ctx => ({
    values: { txtOwnerId: ctx.spec.metadata.name },
    secrets: ctx.spec.spec.dns.rfc2136
      ? [
          {
            namespace: ctx.addon.namespace,
            name: ctx.spec.spec.dns.rfc2136.tsigSecretRef.name,
            key: ctx.spec.spec.dns.rfc2136.tsigSecretRef.key,
            description:
              'The TSIG secret ExternalDNS signs its DNS updates with.',
          },
        ]
      : [],
  }),
  'kube-prometheus-stack': ctx => ({
    values: {
      grafana: {
        ingress: { hosts: [ctx.spec.spec.observability?.grafanaHost] },
      },
    },
    secrets: ctx.spec.spec.observability
      ? [
          {
            namespace: ctx.addon.namespace,
            ...ctx.spec.spec.observability.grafanaAdminSecretRef,
            description: 'Password of the Grafana admin user.',
          },
        ]
      : [],
  }),
};

export const STAND_IN_IDS = [
  'argo-cd',
  'gateway-api-crds',
  'prometheus-operator-crds',
  'cilium',
  'cilium-config',
  'external-dns',
  'kube-prometheus-stack',
  'echo',
];

export const standInComponents: ComponentSet = {
  renderers: new Proxy(renderers, {
    get: (target, id: string) =>
      target[id] ?? ((ctx: RenderContext) => ({ manifests: configMap(ctx) })),
  }),
  enabledAddonIds: (spec: ClusterSpec) =>
    STAND_IN_IDS.filter(
      id => id !== 'kube-prometheus-stack' || spec.spec.addons.observability,
    ),
};
