import type { IDeployment } from 'kubernetes-models/apps/v1';
import type { IService, IServiceAccount } from 'kubernetes-models/v1';
import type { KubeObject } from '../types';
import { toKubeObject } from './kubeObject';

/**
 * Istio's bookinfo sample (samples/bookinfo/platform/kube/bookinfo.yaml of
 * current Istio releases) as typed data instead of a Git source: it shares the
 * Application with the Gateway and routes, needs no second repository, and
 * validates like everything else. Images are pinned in the catalog.
 */

export const BOOKINFO_PORT = 9080;

interface BookinfoService {
  app: string;
  versions: string[];
  /** Writable directories the image expects (read from the upstream manifest). */
  emptyDirs?: Array<{ name: string; mountPath: string }>;
  env?: Array<{ name: string; value: string }>;
}

const SERVICES: BookinfoService[] = [
  { app: 'details', versions: ['v1'] },
  { app: 'ratings', versions: ['v1'] },
  {
    app: 'reviews',
    versions: ['v1', 'v2', 'v3'],
    env: [{ name: 'LOG_DIR', value: '/tmp/logs' }],
    emptyDirs: [
      { name: 'tmp', mountPath: '/tmp' },
      { name: 'wlp-output', mountPath: '/opt/ibm/wlp/output' },
    ],
  },
  {
    app: 'productpage',
    versions: ['v1'],
    emptyDirs: [{ name: 'tmp', mountPath: '/tmp' }],
  },
];

function deployment(
  svc: BookinfoService,
  version: string,
  namespace: string,
  image: string,
): IDeployment {
  const labels = { app: svc.app, version };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: `${svc.app}-${version}`, namespace, labels },
    spec: {
      replicas: 1,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          serviceAccountName: `bookinfo-${svc.app}`,
          containers: [
            {
              name: svc.app,
              image,
              imagePullPolicy: 'IfNotPresent',
              ports: [{ containerPort: BOOKINFO_PORT, protocol: 'TCP' }],
              ...(svc.env && { env: svc.env }),
              ...(svc.emptyDirs && {
                volumeMounts: svc.emptyDirs.map(d => ({
                  name: d.name,
                  mountPath: d.mountPath,
                })),
              }),
            },
          ],
          ...(svc.emptyDirs && {
            volumes: svc.emptyDirs.map(d => ({ name: d.name, emptyDir: {} })),
          }),
        },
      },
    },
  };
}

/** Services, service accounts and deployments of bookinfo, in `namespace`. */
export function bookinfoWorkloads(
  namespace: string,
  registry: string,
  tag: string,
): KubeObject[] {
  return SERVICES.flatMap(svc => {
    const service: IService = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: svc.app,
        namespace,
        labels: { app: svc.app, service: svc.app },
      },
      spec: {
        selector: { app: svc.app },
        // protocol and targetPort as the API server defaults them
        // (kubernetes pkg/apis/core/v1/defaults.go SetDefaults_Service).
        ports: [
          {
            name: 'http',
            port: BOOKINFO_PORT,
            targetPort: BOOKINFO_PORT,
            protocol: 'TCP',
          },
        ],
      },
    };
    const account: IServiceAccount = {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: {
        name: `bookinfo-${svc.app}`,
        namespace,
        labels: { account: svc.app },
      },
    };
    const deployments = svc.versions.map(v =>
      deployment(
        svc,
        v,
        namespace,
        `${registry}/examples-bookinfo-${svc.app}-${v}:${tag}`,
      ),
    );
    return [service, account, ...deployments].map(toKubeObject);
  });
}
