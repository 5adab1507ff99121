import { promises as fs } from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { loadAddonCatalog } from '../catalog';
import { renderClusterRepo } from '../render';
import { isGenerated } from '../render/existing';
import { parseClusterSpecYaml } from '../spec/parse';
import {
  coreapiIngress,
  cnp,
  crawlerEgress,
  loaderIngress,
} from './__fixtures__/tenantJobsPolicies';
import { planChange } from './plan';
import { MAX_POLICIES, MAX_POLICY_BYTES } from './policies';
import { ChangeError } from './ChangeError';

const catalog = loadAddonCatalog();
const EXAMPLE = path.resolve(
  __dirname,
  '../../../../gitops/examples/democluster1/cluster.yaml',
);

let head: Map<string, string>;
beforeAll(async () => {
  const spec = parseClusterSpecYaml(await fs.readFile(EXAMPLE, 'utf8'), {
    ciliumVersions: catalog.ciliumVersions,
  });
  head = new Map(
    renderClusterRepo(spec, catalog).files.map(f => [f.path, f.content]),
  );
});

const change = (policies: unknown[], extra: Record<string, unknown> = {}) =>
  ({ kind: 'policies', namespace: 'tenant-jobs', policies, ...extra } as any);

function applied(
  files: Map<string, string>,
  writes: Map<string, string | null>,
): Map<string, string> {
  const next = new Map(files);
  for (const [p, c] of writes) {
    if (c === null) next.delete(p);
    else next.set(p, c);
  }
  return next;
}

describe('policies change', () => {
  it('writes exactly the proposal and its Argo CD Application, then re-applying it writes nothing', () => {
    const plan = planChange(head, change([crawlerEgress, coreapiIngress]), {
      catalog,
    });
    expect([...plan.writes.keys()].sort()).toEqual([
      'apps/policies-tenant-jobs.yaml',
      'manifests/policies/tenant-jobs/coreapi-ingress.yaml',
      'manifests/policies/tenant-jobs/crawler-egress.yaml',
    ]);
    expect(plan.summary).toMatch(/^3 files changed, \d+ insertions\(\+\)$/);
    const policy = plan.writes.get(
      'manifests/policies/tenant-jobs/coreapi-ingress.yaml',
    )!;
    expect(parse(policy)).toEqual(coreapiIngress);
    expect(policy).toMatch(
      /^# Proposed CiliumNetworkPolicies of namespace tenant-jobs/,
    );
    // Not the renderer's: a re-render must keep these files.
    expect(isGenerated(policy)).toBe(false);
    expect(plan.policies).toMatchObject({
      added: ['coreapi-ingress', 'crawler-egress'],
      removed: [],
      application: { name: 'policies-tenant-jobs', created: true },
    });

    const next = applied(head, plan.writes);
    const again = planChange(next, change([coreapiIngress, crawlerEgress]), {
      catalog,
    });
    expect(again.unchanged).toBe(true);
    expect(again.writes.size).toBe(0);
    expect(again.summary).toBe('no changes');
  });

  it('builds the Application like the renderer builds the demo apps, under apps/ which the root Application syncs', () => {
    const plan = planChange(head, change([coreapiIngress]), { catalog });
    const app = parse(plan.writes.get('apps/policies-tenant-jobs.yaml')!);
    const echo = parse(head.get('apps/echo.yaml')!);
    const root = parse(head.get('bootstrap/root-app.yaml')!);
    // The root app syncs the top level of apps/ (no recursion): the file must sit there.
    expect(root.spec.source.path).toBe('apps');
    expect(root.spec.source.directory).toBeUndefined();
    expect(app.metadata.labels).toEqual(echo.metadata.labels);
    expect(app.metadata.finalizers).toEqual(echo.metadata.finalizers);
    expect(app.spec.project).toBe('democluster1-apps');
    expect(app.spec.project).toBe(echo.spec.project);
    expect(app.spec.destination).toEqual({
      server: 'https://kubernetes.default.svc',
      namespace: 'tenant-jobs',
    });
    expect(app.spec.source).toEqual({
      repoURL: echo.spec.source.repoURL,
      targetRevision: echo.spec.source.targetRevision,
      path: 'manifests/policies/tenant-jobs',
    });
    expect(app.spec.syncPolicy.automated).toEqual(
      echo.spec.syncPolicy.automated,
    );
    expect(app.spec.syncPolicy.retry).toEqual(echo.spec.syncPolicy.retry);
    expect(app.spec.syncPolicy.syncOptions).toEqual([
      'SkipDryRunOnMissingResource=true',
    ]);
    // After the apps whose namespaces it protects.
    expect(
      Number(app.metadata.annotations['argocd.argoproj.io/sync-wave']),
    ).toBeGreaterThan(
      Number(echo.metadata.annotations['argocd.argoproj.io/sync-wave']),
    );
  });

  it('replaces the set: a policy left out is removed, the Application is left as it is', () => {
    const first = applied(
      head,
      planChange(head, change([coreapiIngress, crawlerEgress]), { catalog })
        .writes,
    );
    // Someone tuned the Application by hand; the next proposal keeps it.
    const tuned = `${first.get('apps/policies-tenant-jobs.yaml')}# tuned\n`;
    first.set('apps/policies-tenant-jobs.yaml', tuned);
    const edited = cnp('coreapi-ingress', {
      ...coreapiIngress.spec,
      ingress: [],
    });
    const plan = planChange(first, change([edited, loaderIngress]), {
      catalog,
    });
    expect(plan.files.map(f => [f.path, f.status])).toEqual([
      ['manifests/policies/tenant-jobs/coreapi-ingress.yaml', 'modified'],
      ['manifests/policies/tenant-jobs/crawler-egress.yaml', 'removed'],
      ['manifests/policies/tenant-jobs/loader-ingress.yaml', 'added'],
    ]);
    expect(plan.policies).toMatchObject({
      added: ['loader-ingress'],
      replaced: ['coreapi-ingress'],
      removed: ['crawler-egress'],
      application: { created: false },
    });
    const next = applied(first, plan.writes);
    expect(
      [...next.keys()].filter(p => p.startsWith('manifests/policies/')),
    ).toEqual([
      'manifests/policies/tenant-jobs/coreapi-ingress.yaml',
      'manifests/policies/tenant-jobs/loader-ingress.yaml',
    ]);
    expect(next.get('apps/policies-tenant-jobs.yaml')).toBe(tuned);
  });

  it('a later re-rendering change keeps the policies and their Application', () => {
    const withPolicies = applied(
      head,
      planChange(head, change([coreapiIngress]), { catalog }).writes,
    );
    const split = planChange(
      withPolicies,
      {
        kind: 'split',
        route: 'echo/echo',
        backends: { 'echo-1': 50, 'echo-2': 50 },
      },
      { catalog },
    );
    expect([...split.writes.keys()]).not.toContain(
      'apps/policies-tenant-jobs.yaml',
    );
    expect(
      [...split.writes.keys()].filter(p => p.includes('policies')),
    ).toEqual([]);
  });

  const big = cnp('big', {
    endpointSelector: { matchLabels: { app: 'x'.repeat(MAX_POLICY_BYTES) } },
    ingress: [],
  });
  const bad: [string, any, string, RegExp][] = [
    [
      'namespace not DNS-1123',
      change([coreapiIngress], { namespace: 'Tenant_Jobs' }),
      'namespace',
      /not a DNS-1123 label/,
    ],
    [
      'policy name not DNS-1123',
      change([cnp('Bad_Name', coreapiIngress.spec)]),
      'policies[0].metadata.name',
      /not a valid Kubernetes name/,
    ],
    [
      'wrong kind',
      change([{ ...coreapiIngress, kind: 'NetworkPolicy' }]),
      'policies[0].kind',
      /must be "CiliumNetworkPolicy"/,
    ],
    [
      'wrong apiVersion',
      change([{ ...coreapiIngress, apiVersion: 'cilium.io/v1' }]),
      'policies[0].apiVersion',
      /must be "cilium.io\/v2"/,
    ],
    [
      'metadata.namespace differs',
      change([cnp('p', coreapiIngress.spec, 'echo')]),
      'policies[0].metadata.namespace',
      /proposal is for namespace "tenant-jobs"/,
    ],
    [
      'missing metadata.namespace',
      change([{ ...coreapiIngress, metadata: { name: 'p' } }]),
      'policies[0].metadata.namespace',
      /Required/,
    ],
    [
      'server field in metadata',
      change([
        {
          ...coreapiIngress,
          metadata: { ...coreapiIngress.metadata, uid: 'u' },
        },
      ]),
      'policies[0].metadata',
      /unknown field\(s\) uid/,
    ],
    [
      'status given',
      change([{ ...coreapiIngress, status: {} }]),
      'policies[0]',
      /unknown field\(s\) status/,
    ],
    [
      'name given twice',
      change([coreapiIngress, coreapiIngress]),
      'policies[1].metadata.name',
      /given twice/,
    ],
    [
      'no selector',
      change([cnp('p', { ingress: [] })]),
      'policies[0].spec',
      /exactly one of endpointSelector and nodeSelector/,
    ],
    [
      'no rule list',
      change([cnp('p', { endpointSelector: {} })]),
      'policies[0].spec',
      /at least one of ingress, ingressDeny, egress, egressDeny/,
    ],
    [
      'rules not a list',
      change([cnp('p', { endpointSelector: {}, egress: {} })]),
      'policies[0].spec.egress',
      /must be a list of rules/,
    ],
    ['no policies', change([]), 'policies', /at least one/],
    [
      'too many policies',
      change(
        Array.from({ length: MAX_POLICIES + 1 }, (_, i) =>
          cnp(`p${i}`, coreapiIngress.spec),
        ),
      ),
      'policies',
      /at most 200 policies/,
    ],
    [
      'policy too big',
      change([big]),
      'policies[0]',
      /bytes as JSON; at most 262144 per policy/,
    ],
    [
      'sections too long',
      change([coreapiIngress], {
        sections: [{ title: 'Readiness', markdown: 'x'.repeat(60_001) }],
      }),
      'sections',
      /at most 60000 together/,
    ],
    [
      'section without title',
      change([coreapiIngress], { sections: [{ title: '', markdown: 'x' }] }),
      'sections[0].title',
      /at least 1/,
    ],
    [
      'namespace outside the apps project',
      change([cnp('p', coreapiIngress.spec, 'kube-system')], {
        namespace: 'kube-system',
      }),
      'namespace',
      /not a destination of the AppProject democluster1-apps \(bookinfo, echo, tenant-jobs\)/,
    ],
  ];
  it.each(bad)(
    'refuses %s, naming the field, and writes nothing',
    (_, input, field, message) => {
      let error: unknown;
      try {
        planChange(head, input, { catalog });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ChangeError);
      const issue = (error as ChangeError).issues.find(i => i.path === field);
      expect(issue?.message).toMatch(message);
    },
  );
});
