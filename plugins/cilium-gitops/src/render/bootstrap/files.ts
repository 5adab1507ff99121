/** `bootstrap/install.sh` and `bootstrap/root-app.yaml`. */
import type { ClusterSpec } from '../../spec/types';
import { ARGOCD_NAMESPACE, IN_CLUSTER } from '../application';
import type { KubeObject } from '../types';
import type { BootstrapStep } from './steps';

export const ROOT_APP_NAME = 'root';

/** The app-of-apps: every Application under `apps/`. */
export function rootApplication(
  spec: ClusterSpec,
  project: string,
): KubeObject {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: ROOT_APP_NAME,
      namespace: ARGOCD_NAMESPACE,
      labels: {
        'app.kubernetes.io/managed-by': 'cilium-gitops',
        'app.kubernetes.io/part-of': spec.metadata.name,
      },
      finalizers: ['resources-finalizer.argocd.argoproj.io'],
    },
    spec: {
      project,
      destination: { server: IN_CLUSTER, namespace: ARGOCD_NAMESPACE },
      source: {
        repoURL: spec.spec.gitops.repoURL,
        targetRevision: spec.spec.gitops.targetRevision,
        path: 'apps',
      },
      syncPolicy: {
        automated: { prune: true, selfHeal: true },
        retry: {
          limit: 10,
          backoff: { duration: '10s', factor: 2, maxDuration: '5m' },
        },
      },
    },
  };
}

export function installScript(steps: BootstrapStep[]): string {
  const lines = [
    '#!/usr/bin/env bash',
    '# Bootstrap: the CNI must run before Argo CD can, so Cilium is installed with',
    '# Helm first and adopted by Argo CD afterwards. Needs kubectl and helm, and a',
    '# kubeconfig pointing at the new cluster. Safe to re-run.',
    'set -euo pipefail',
    'cd "$(dirname "$0")/.."',
  ];
  steps.forEach((step, i) => {
    lines.push(
      '',
      `echo ${JSON.stringify(`==> ${i + 1}. ${step.title}`)}`,
      `# ${step.why}`,
      ...step.commands,
    );
  });
  lines.push(
    '',
    'echo "==> done: watch the sync with: kubectl -n argocd get applications -w"',
    '',
  );
  return lines.join('\n');
}
