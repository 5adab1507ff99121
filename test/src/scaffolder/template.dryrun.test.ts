import fs from 'node:fs';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import {
  loadAddonCatalog,
  parseClusterSpecYaml,
  renderClusterRepo,
  repoTree,
} from '@internal/cilium-gitops';
import request from 'supertest';
import yaml from 'yaml';
import { selfSignedCertificate } from '../tls';
import {
  DryRunResponse,
  democluster1Values,
  dryRunInputOf,
  fileOf,
  loadClusterTemplate,
  startDryRunBackend,
  stepStatuses,
} from './__testUtils__/dryRunBackend';

jest.setTimeout(60_000);

describe('templates/cilium-cluster through the scaffolder dry-run API', () => {
  const dir = createMockDirectory();
  const localReposDir = path.join(dir.path, 'git-repos');
  const template = loadClusterTemplate();
  let server: Awaited<ReturnType<typeof startDryRunBackend>>['server'];

  beforeAll(async () => {
    ({ server } = await startDryRunBackend({ localReposDir }));
  });
  afterAll(() => server?.close());

  const dryRun = (values: object) =>
    request(server)
      .post('/api/scaffolder/v2/dry-run')
      .send({ template, values, directoryContents: [] });

  describe('democluster1, published locally', () => {
    let res: DryRunResponse;
    beforeAll(async () => {
      const response = await dryRun(democluster1Values);
      if (response.status !== 200) {
        throw new Error(
          `dry run: ${response.status} ${JSON.stringify(response.body)}`,
        );
      }
      res = response.body;
    });

    it('runs render and publish, skips GitHub, and skips the registration only because it is a dry run', () => {
      expect(stepStatuses(res)).toEqual({
        validate: 'completed',
        render: 'completed',
        'publish-local': 'completed',
        'publish-github': 'skipped',
        'register-local': 'skipped',
        'register-github': 'skipped',
      });
      const messages = res.log.map(l => l.body.message);
      expect(messages).toContainEqual(
        expect.stringContaining(
          'Skipping because catalog:register does not support dry-run',
        ),
      );
    });

    it('renders the GitOps repository into the workspace', () => {
      const paths = res.directoryContents.map(f => f.path);
      for (const p of [
        'apps/cilium.yaml',
        'values/cilium.yaml',
        'catalog-info.yaml',
        'cluster.yaml',
        'README.md',
        'router/frr.conf',
      ]) {
        expect(paths).toContain(p);
      }
      expect(paths.some(p => p.startsWith('bootstrap/'))).toBe(true);
    });

    it('writes the spec assembled from the form as cluster.yaml', () => {
      const spec = yaml.parse(fileOf(res, 'cluster.yaml')!);
      expect(spec).toMatchObject({
        apiVersion: 'cilium-gitops/v1alpha1',
        kind: 'ClusterSpec',
        metadata: {
          name: 'democluster1',
          owner: 'group:default/platform-team',
        },
        spec: {
          clusterId: 1,
          cilium: { version: '1.20.3' },
          gitops: {
            repoURL: democluster1Values.gitopsRepoURL,
            targetRevision: 'main',
          },
          network: {
            loadBalancerPools: [{ name: 'default', cidr: '10.245.12.0/24' }],
          },
          bgp: { router: democluster1Values.router },
          dns: {
            rfc2136: {
              tsigSecretRef: { name: 'externaldns-tsig', key: 'tsig-secret' },
            },
          },
          clusterMesh: { peers: ['democluster2'] },
        },
      });
      expect(spec.metadata).not.toHaveProperty('description');
    });

    it('writes a cluster.yaml that re-renders to the same repository', () => {
      const catalog = loadAddonCatalog();
      const spec = parseClusterSpecYaml(fileOf(res, 'cluster.yaml')!, {
        ciliumVersions: catalog.ciliumVersions,
      });
      const again = renderClusterRepo(spec, catalog);
      // cluster.yaml included: the render writes it and it re-renders to
      // itself; the tree (with the render manifest) is what the CLI writes.
      const rendered = Object.fromEntries(
        res.directoryContents.map(f => [
          f.path,
          Buffer.from(f.base64Content, 'base64').toString('utf8'),
        ]),
      );
      expect(
        Object.fromEntries(
          repoTree(again, spec.metadata.name).map(f => [f.path, f.content]),
        ),
      ).toEqual(rendered);
    });

    it('renders the cluster entity the registration step will read', () => {
      const entity = yaml.parse(fileOf(res, 'catalog-info.yaml')!);
      expect(entity).toMatchObject({
        kind: 'Resource',
        metadata: { name: 'democluster1' },
        spec: {
          type: 'kubernetes-cluster',
          owner: 'group:default/platform-team',
        },
      });
      // No CA in the form: no CA annotation (the empty field is dropped).
      expect(Object.keys(entity.metadata.annotations)).not.toContain(
        'kubernetes.io/api-server-certificate-authority',
      );
    });

    it('registers the catalog-info.yaml of the published repository through the read-only HTTP view', () => {
      expect(dryRunInputOf(res, 'register-local')).toEqual({
        catalogInfoUrl: expect.stringMatching(
          /^http:\/\/localhost:\d+\/api\/scaffolder\/cilium\/local-repos\/democluster1-gitops\/catalog-info\.yaml$/,
        ),
      });
    });

    it('links to the repository and to the new entity', () => {
      expect(res.output.links).toEqual([
        expect.objectContaining({
          title: 'Repository',
          url: expect.stringMatching(
            /\/api\/scaffolder\/cilium\/local-repos\/democluster1-gitops$/,
          ),
        }),
        expect.objectContaining({ entityRef: 'resource:default/democluster1' }),
      ]);
    });

    it('publishes nothing in a dry run', () => {
      expect(fs.existsSync(localReposDir)).toBe(false);
    });
  });

  it('leaves the router section out when it is not wanted', async () => {
    const { router, ...values } = democluster1Values;
    const response = await dryRun({
      ...values,
      withRouter: false,
      description: 'Lab cluster',
    });
    expect(response.status).toBe(200);
    const body: DryRunResponse = response.body;
    const spec = yaml.parse(fileOf(body, 'cluster.yaml')!);
    expect(spec.spec.bgp).not.toHaveProperty('router');
    expect(spec.metadata.description).toBe('Lab cluster');
    expect(body.directoryContents.map(f => f.path)).not.toContain(
      'router/frr.conf',
    );
  });

  it('defaults the Grafana and Hubble UI host names from the domain', async () => {
    const { grafanaHost, hubbleUIHost, ...values } = democluster1Values;
    const response = await dryRun(values);
    expect(response.status).toBe(200);
    const spec = yaml.parse(fileOf(response.body, 'cluster.yaml')!);
    expect(spec.spec.observability).toMatchObject({
      grafanaHost: 'grafana.c1demo.example.net',
      hubbleUIHost: 'hubble.c1demo.example.net',
    });
  });

  it('takes the API server CA from the form into cluster.yaml and, base64, into the entity', async () => {
    const ca = selfSignedCertificate('api-ca', ['DNS:api.c1demo.example.net']);
    const response = await dryRun({
      ...democluster1Values,
      apiServerCA: ca.cert,
    });
    expect(response.status).toBe(200);
    const spec = yaml.parse(fileOf(response.body, 'cluster.yaml')!);
    expect(spec.spec.controlPlane.apiServerCA).toBe(ca.cert);
    const entity = yaml.parse(fileOf(response.body, 'catalog-info.yaml')!);
    const annotation =
      entity.metadata.annotations[
        'kubernetes.io/api-server-certificate-authority'
      ];
    expect(Buffer.from(annotation, 'base64').toString('utf8')).toBe(ca.cert);
  });

  it('refuses a private key pasted as the API server CA, without echoing it', async () => {
    const { key } = selfSignedCertificate('api-ca', [
      'DNS:api.c1demo.example.net',
    ]);
    const response = await dryRun({ ...democluster1Values, apiServerCA: key });
    expect(response.status).toBe(400);
    const message: string = response.body.error.message;
    expect(message).toContain(
      'spec.controlPlane.apiServerCA: looks like a private key; a key must never be put in the spec',
    );
    const keyBody = key.split('\n')[1];
    expect(JSON.stringify(response.body)).not.toContain(keyBody);
  });

  it('rejects a value the form rules forbid, naming the field', async () => {
    const response = await dryRun({
      ...democluster1Values,
      podCIDR: '10.0.0.0/33',
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.errors)).toMatch(/podCIDR/);
  });

  it('rejects the reserved cluster name "default" in the form', async () => {
    const response = await dryRun({ ...democluster1Values, name: 'default' });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.errors)).toMatch(/name/);
  });

  it('fails the validate step naming the fields when only the spec rules catch it', async () => {
    const response = await dryRun({
      ...democluster1Values,
      serviceCIDR: '10.0.128.0/17', // inside podCIDR 10.0.0.0/16
      grafanaHost: 'grafana.elsewhere.example.org', // not under the domain
    });
    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('InputError');
    const message: string = response.body.error.message;
    expect(message).toMatch(/^invalid cluster spec \(2 problems\):/);
    expect(message).toMatch(
      /spec\.network\.serviceCIDR: 10\.0\.128\.0\/17 overlaps/,
    );
    expect(message).toMatch(
      /spec\.observability\.grafanaHost: grafana\.elsewhere\.example\.org is not under/,
    );
  });

  it('refuses a cluster whose entity is already in the catalog, naming metadata.name', async () => {
    const response = await dryRun({
      ...democluster1Values,
      name: 'existing-cluster',
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(
      'metadata.name: resource:default/existing-cluster is already in the catalog; choose another cluster name',
    );
  });
});
