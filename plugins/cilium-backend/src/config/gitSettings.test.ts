import { ConfigReader } from '@backstage/config';
import { gitRepoSettings } from './gitSettings';

const git = (data: ConstructorParameters<typeof ConfigReader>[0]) =>
  new ConfigReader(data);

describe('where a cluster repository is read from', () => {
  it('defaults to the local repository named after the cluster', () => {
    expect(gitRepoSettings('democluster1', undefined, '/srv/repos')).toEqual({
      local: '/srv/repos/democluster1.git',
      branch: 'main',
      isDefault: true,
    });
  });

  it('reads a GitHub repository and derives its web URL', () => {
    expect(
      gitRepoSettings(
        'c1',
        git({
          url: 'https://github.com/example/c1-gitops.git',
          branch: 'live',
        }),
        '/srv/repos',
      ),
    ).toEqual({
      github: 'https://github.com/example/c1-gitops.git',
      branch: 'live',
      webUrl: 'https://github.com/example/c1-gitops',
      isDefault: false,
    });
  });

  it('names the field and the rule of a bad setting', () => {
    expect(() =>
      gitRepoSettings(
        'c1',
        git({ url: 'git@github.com:example/c1.git' }),
        '/r',
      ),
    ).toThrow(
      "cilium.clusters[c1].git.url: 'git@github.com:example/c1.git' is not a GitHub repository URL (https://<host>/<owner>/<repo>[.git])",
    );
    expect(() =>
      gitRepoSettings('c1', git({ localRepo: '../etc' }), '/r'),
    ).toThrow(
      "cilium.clusters[c1].git.localRepo: '../etc' is not a DNS-1123 label",
    );
    expect(() =>
      gitRepoSettings(
        'c1',
        git({ localRepo: 'c1', url: 'https://github.com/e/c1' }),
        '/r',
      ),
    ).toThrow('cilium.clusters[c1].git: set either url or localRepo, not both');
    expect(() =>
      gitRepoSettings('c1', git({ branch: 'main..x' }), '/r'),
    ).toThrow("cilium.clusters[c1].git.branch: 'main..x' is not a branch name");
  });

  it('gives a cluster whose name is no repository name no default repository', () => {
    expect(gitRepoSettings('Prod_EU', undefined, '/r')).toEqual({
      branch: 'main',
      isDefault: true,
    });
  });
});
