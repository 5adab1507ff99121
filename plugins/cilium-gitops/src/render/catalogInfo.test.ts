import { validSpecDoc } from '../spec/__fixtures__/validSpec';
import { parseClusterSpec } from '../spec/parse';
import { catalogInfo, sourceLocation } from './catalogInfo';

describe('sourceLocation', () => {
  it.each([
    [
      'https://github.com/example/c1-gitops.git',
      'main',
      'url:https://github.com/example/c1-gitops/tree/main/',
    ],
    [
      'https://github.com/example/c1-gitops',
      'v1',
      'url:https://github.com/example/c1-gitops/tree/v1/',
    ],
    [
      'https://gitlab.com/group/sub/c1.git',
      'main',
      'url:https://gitlab.com/group/sub/c1/-/tree/main/',
    ],
    [
      'git@github.com:example/c1.git',
      'main',
      'url:git@github.com:example/c1.git',
    ],
  ])('%s @ %s', (repo, rev, expected) => {
    expect(sourceLocation(repo, rev)).toBe(expected);
  });
});

describe('catalogInfo', () => {
  it('links only Argo CD without observability, and uses a configured Argo CD URL', () => {
    const doc = validSpecDoc();
    delete doc.spec.observability;
    doc.spec.addons.observability = false;
    doc.spec.demoApps.jobsApp = false;
    doc.spec.clusterMesh = { peers: [] };
    doc.spec.gitops.argoCDURL = 'https://cd.example.net/';
    const entity = catalogInfo(parseClusterSpec(doc), '1.20.3');
    expect(entity.metadata.links).toEqual([
      {
        url: 'https://cd.example.net/applications',
        title: 'Argo CD',
        icon: 'dashboard',
      },
    ]);
    expect(entity.metadata.annotations['cilium-gitops/mesh-peers']).toBe('');
  });
});
