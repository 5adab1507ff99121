/** Reaching the Argo CD UI and CLI after the bootstrap. */
import { sh } from './markdown';
import type { ReadmeSection } from './types';

export const argoCdAccessSection: ReadmeSection = ({ spec }) => {
  const url = spec.spec.gitops.argoCDURL;
  return [
    '## Reach Argo CD',
    '',
    'Argo CD has no Ingress here; forward its server and sign in as `admin` with the generated initial password (it stays in your terminal, change it after the first sign-in):',
    '',
    ...sh(
      'kubectl -n argocd port-forward svc/argocd-server 8080:443 &',
      "kubectl -n argocd get secret argocd-initial-admin-secret -o jsonpath='{.data.password}' | base64 -d; echo",
      'argocd login localhost:8080 --username admin --insecure',
    ),
    `Then open https://localhost:8080${
      url ? ` (the catalog links to ${url} once you publish it)` : ''
    }. \`argocd app list\` shows every Application of this repository; the \`argo-cd\` Application is Argo CD itself.`,
    '',
  ];
};
