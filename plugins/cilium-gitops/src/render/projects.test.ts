/**
 * Issue 9 item 4: AppProjects instead of `project: default`, and Argo CD
 * managing itself from the values bootstrap installed it with.
 */
import { AppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
import { parse } from 'yaml';
import { threeClusters } from './__fixtures__/threeClusters';

describe.each(threeClusters().map(c => [c.name, c] as const))(
  '%s',
  (name, c) => {
    const yamlOf = (p: string) => parse(c.file(p));
    const apps = c.repo.files
      .filter(f => /^apps\/(?!appproject-).*\.yaml$/.test(f.path))
      .map(f => parse(f.content));
    const platform = yamlOf('apps/appproject-platform.yaml');
    const demo = yamlOf('apps/appproject-apps.yaml');

    it('has a platform and an apps AppProject, valid for Argo CD, synced before the Applications', () => {
      for (const project of [platform, demo]) {
        expect(() => new AppProject(project).validate()).not.toThrow();
        expect(project.metadata.namespace).toBe('argocd');
        expect(
          Number(project.metadata.annotations['argocd.argoproj.io/sync-wave']),
        ).toBeLessThan(
          Math.min(
            ...apps.map(a =>
              Number(a.metadata.annotations['argocd.argoproj.io/sync-wave']),
            ),
          ),
        );
      }
      expect([platform.metadata.name, demo.metadata.name]).toEqual([
        `${name}-platform`,
        `${name}-apps`,
      ]);
    });

    it('puts every Application in one of them, none in default', () => {
      const byProject = new Map<string, string[]>();
      for (const app of [...apps, yamlOf('bootstrap/root-app.yaml')]) {
        byProject.set(app.spec.project, [
          ...(byProject.get(app.spec.project) ?? []),
          app.metadata.name,
        ]);
      }
      expect([...byProject.keys()].sort()).toEqual([
        `${name}-apps`,
        `${name}-platform`,
      ]);
      expect(byProject.get(`${name}-apps`)!.sort()).toEqual([
        'bookinfo',
        'echo',
        'jobs-app',
      ]);
      expect(byProject.get(`${name}-platform`)).toContain('root');
    });

    it('restricts both to this cluster and to the repositories their Applications use', () => {
      const repoURL = c.spec.spec.gitops.repoURL;
      for (const project of [platform, demo]) {
        expect(project.spec.sourceRepos).toContain(repoURL);
        expect(project.spec.sourceRepos).not.toContain('*');
        for (const d of project.spec.destinations)
          expect(d.server).toBe('https://kubernetes.default.svc');
      }
      for (const app of apps) {
        const project =
          app.spec.project === platform.metadata.name ? platform : demo;
        const sources = app.spec.sources ?? [app.spec.source];
        for (const s of sources)
          expect(project.spec.sourceRepos).toContain(s.repoURL);
        const namespaces = project.spec.destinations.map(
          (d: any) => d.namespace,
        );
        expect(
          namespaces.includes('*') ||
            namespaces.includes(app.spec.destination.namespace),
        ).toBe(true);
      }
      expect(demo.spec.destinations.map((d: any) => d.namespace)).toEqual([
        'bookinfo',
        'echo',
        'tenant-jobs',
      ]);
      expect(demo.spec.clusterResourceWhitelist).toEqual([
        { group: '', kind: 'Namespace' },
        { group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition' },
        { group: 'rbac.authorization.k8s.io', kind: 'ClusterRole' },
        { group: 'rbac.authorization.k8s.io', kind: 'ClusterRoleBinding' },
      ]);
    });

    it('lets Argo CD manage itself from the values file bootstrap installs it with', () => {
      const app = yamlOf('apps/argo-cd.yaml');
      const chart = app.spec.sources.find((s: any) => s.chart === 'argo-cd');
      expect(chart.helm).toEqual({
        releaseName: 'argocd',
        valueFiles: ['$values/values/argo-cd.yaml'],
      });
      expect(app.spec.destination.namespace).toBe('argocd');
      // Deleting the Application must not uninstall Argo CD.
      expect(app.metadata.finalizers).toBeUndefined();
      expect(c.file('bootstrap/install.sh')).toContain(
        `helm upgrade --install argocd argo-cd --repo https://argoproj.github.io/argo-helm --version ${chart.targetRevision} --namespace argocd --create-namespace --values values/argo-cd.yaml`,
      );
      const values = yamlOf('values/argo-cd.yaml');
      expect(values.fullnameOverride).toBe('argocd');
      expect(
        values.configs.cm[
          'resource.customizations.health.argoproj.io_Application'
        ],
      ).toContain('hs.status = obj.status.health.status');
    });
  },
);
