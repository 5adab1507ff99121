import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { targetFromEntity } from './clusterTarget';

/** democluster1 as the examples register it: a GitHub repo-url annotation. */
const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'democluster1',
    annotations: {
      'cilium-gitops/repo-url': 'https://github.com/example/democluster1',
      'backstage.io/managed-by-location':
        'file:/portal/gitops/examples/democluster1/repo/catalog-info.yaml',
    },
  },
  spec: { type: 'kubernetes-cluster' },
};

const withGit = (git?: object) =>
  new ConfigReader({
    cilium: { clusters: [{ name: 'democluster1', ...(git ? { git } : {}) }] },
  });

describe('targetFromEntity: the Git-live reader’s rule first', () => {
  let baseDir: string;
  beforeEach(() => {
    baseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-target-'));
  });
  afterEach(() => fs.rmSync(baseDir, { recursive: true, force: true }));

  it('takes the default local repository over the entity’s GitHub annotation once it exists', () => {
    expect(targetFromEntity(entity, baseDir).kind).toBe('github');
    fs.mkdirSync(path.join(baseDir, 'democluster1.git'));
    expect(targetFromEntity(entity, baseDir, withGit())).toEqual({
      kind: 'local',
      clusterName: 'democluster1',
      repoName: 'democluster1',
      gitdir: path.join(baseDir, 'democluster1.git'),
    });
  });

  it('carries cilium.clusters[].git.branch, so a change goes to the branch the page reads', () => {
    fs.mkdirSync(path.join(baseDir, 'democluster1.git'));
    expect(
      targetFromEntity(entity, baseDir, withGit({ branch: 'production' })),
    ).toMatchObject({ kind: 'local', branch: 'production' });
    expect(
      targetFromEntity(
        entity,
        baseDir,
        withGit({
          url: 'https://github.com/platform/clusters.git',
          branch: 'release',
        }),
      ),
    ).toMatchObject({ kind: 'github', branch: 'release' });
    // Not placed by the configuration: the action's default (main) applies.
    expect(targetFromEntity(entity, baseDir).branch).toBeUndefined();
  });

  it('follows cilium.clusters[].git.localRepo, as the page does', () => {
    fs.mkdirSync(path.join(baseDir, 'democluster1.git'));
    expect(
      targetFromEntity(entity, baseDir, withGit({ localRepo: 'prod-eu' })),
    ).toMatchObject({
      kind: 'local',
      repoName: 'prod-eu',
      gitdir: path.join(baseDir, 'prod-eu.git'),
    });
  });

  it('follows cilium.clusters[].git.url over the entity’s annotation and a local repository', () => {
    fs.mkdirSync(path.join(baseDir, 'democluster1.git'));
    expect(
      targetFromEntity(
        entity,
        baseDir,
        withGit({ url: 'https://github.com/platform/clusters.git' }),
      ),
    ).toEqual({
      kind: 'github',
      clusterName: 'democluster1',
      host: 'github.com',
      owner: 'platform',
      repo: 'clusters',
      repoUrl: 'github.com?owner=platform&repo=clusters',
      branch: 'main',
    });
  });

  it('names the field of a bad configured repository', () => {
    expect(() =>
      targetFromEntity(entity, baseDir, withGit({ localRepo: '../etc' })),
    ).toThrow(/cilium\.clusters\[democluster1\]\.git\.localRepo/);
  });

  it('uses the entity only for clusters the configuration does not place', () => {
    const published: Entity = {
      ...entity,
      metadata: {
        name: 'c2',
        annotations: {
          'backstage.io/managed-by-location':
            'url:http://localhost:7007/api/scaffolder/cilium/local-repos/c2-repo/catalog-info.yaml',
        },
      },
    };
    expect(targetFromEntity(published, baseDir, withGit())).toMatchObject({
      kind: 'local',
      repoName: 'c2-repo',
    });
    expect(() =>
      targetFromEntity(
        { ...entity, metadata: { name: 'c3' } },
        baseDir,
        withGit(),
      ),
    ).toThrow(/cluster: c3 has no repository/);
  });
});
