import type { IDeployment } from 'kubernetes-models/apps/v1';
import type { IService } from 'kubernetes-models/v1';
import type {
  IGateway,
  IHTTPRoute,
} from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1';
import type { ComponentRenderer, KubeObject } from '../types';
import { gatewayParentRef } from './gatewayRefs';
import { toKubeObject } from './kubeObject';

/**
 * Cilium's Gateway API echo example (examples/kubernetes/gateway/echo.yaml):
 * echo-1 on 8080 and echo-2 on 8090 behind an HTTP Gateway. The HTTPRoute adds
 * `some-header`, sets `user-agent` and splits traffic by weight.
 */

/**
 * The two backends and the route's default split, 100/0 as in the recipe's
 * first step. The cluster's `spec.traffic.splits` entry for `echo/echo`
 * overrides it (render/trafficSplits.ts).
 */
export const ECHO_BACKENDS = [
  { name: 'echo-1', port: 8080, defaultWeight: 100 },
  { name: 'echo-2', port: 8090, defaultWeight: 0 },
] as const;

function echoWorkload(
  name: string,
  port: number,
  namespace: string,
  image: string,
): KubeObject[] {
  const labels = { app: name };
  const fieldEnv = (envName: string, fieldPath: string) => ({
    name: envName,
    // apiVersion as the API server defaults it (SetDefaults_ObjectFieldSelector).
    valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath } },
  });
  const service: IService = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace, labels },
    spec: {
      selector: labels,
      ports: [{ name: 'http', port, targetPort: 8080, protocol: 'TCP' }],
    },
  };
  const deployment: IDeployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels },
    spec: {
      replicas: 1,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              name,
              image,
              imagePullPolicy: 'IfNotPresent',
              ports: [{ containerPort: 8080, protocol: 'TCP' }],
              env: [
                fieldEnv('NODE_NAME', 'spec.nodeName'),
                fieldEnv('POD_NAME', 'metadata.name'),
                fieldEnv('POD_NAMESPACE', 'metadata.namespace'),
                fieldEnv('POD_IP', 'status.podIP'),
              ],
            },
          ],
        },
      },
    },
  };
  return [toKubeObject(service), toKubeObject(deployment)];
}

export const renderEcho: ComponentRenderer = ctx => {
  const namespace = ctx.addon.namespace;
  const image =
    ctx.pins.image ?? 'gcr.io/kubernetes-e2e-test-images/echoserver:2.2';
  const gateway: IGateway = {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name: 'cilium-gw', namespace },
    spec: {
      gatewayClassName: 'cilium',
      listeners: [
        {
          name: 'http',
          protocol: 'HTTP',
          port: 80,
          allowedRoutes: { namespaces: { from: 'Same' } },
        },
      ],
    },
  };
  const route: IHTTPRoute = {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: 'echo', namespace },
    spec: {
      parentRefs: [gatewayParentRef('cilium-gw')],
      rules: [
        {
          matches: [{ path: { type: 'PathPrefix', value: '/' } }],
          filters: [
            {
              type: 'RequestHeaderModifier',
              requestHeaderModifier: {
                add: [{ name: 'some-header', value: 'This is fantastic' }],
                set: [
                  {
                    name: 'user-agent',
                    value: 'Mozilla/5.0 (cilium-gitops echo demo)',
                  },
                ],
              },
            },
          ],
          backendRefs: ECHO_BACKENDS.map(b => ({
            group: '',
            kind: 'Service',
            name: b.name,
            port: b.port,
            weight: b.defaultWeight,
          })),
        },
      ],
    },
  };
  return {
    manifests: [
      ...ECHO_BACKENDS.flatMap(b =>
        echoWorkload(b.name, b.port, namespace, image),
      ),
      toKubeObject(gateway),
      toKubeObject(route),
    ],
  };
};
