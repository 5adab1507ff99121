import {
  API_SERVER_CA_PEM,
  SECOND_CA_PEM,
} from '../spec/__fixtures__/apiServerCA';
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

describe('catalogInfo for the Kubernetes plugin and the catalog graph', () => {
  it('names the API server and an oidc auth provider by default, and no credential', () => {
    const doc = validSpecDoc();
    doc.spec.controlPlane = { apiServerHost: 'api.c1.example.net' };
    doc.spec.clusterMesh = { peers: ['c2', 'c3'] };
    const entity = catalogInfo(parseClusterSpec(doc), '1.20.3');
    const k8s = Object.entries(entity.metadata.annotations).filter(([k]) =>
      k.startsWith('kubernetes.io/'),
    );
    expect(Object.fromEntries(k8s)).toEqual({
      'kubernetes.io/api-server': 'https://api.c1.example.net:6443',
      'kubernetes.io/auth-provider': 'oidc',
    });
    expect(entity.spec.dependsOn).toEqual(['resource:c2', 'resource:c3']);
  });

  it('takes the auth provider and the OIDC token provider from the spec', () => {
    const doc = validSpecDoc();
    doc.spec.controlPlane = {
      apiServerHost: '10.1.2.3',
      apiServerPort: 443,
      oidcTokenProvider: 'okta',
    };
    expect(
      catalogInfo(parseClusterSpec(doc), '1.20.3').metadata.annotations,
    ).toMatchObject({
      'kubernetes.io/api-server': 'https://10.1.2.3:443',
      'kubernetes.io/oidc-token-provider': 'okta',
    });
    doc.spec.controlPlane = { apiServerHost: '10.1.2.3', authProvider: 'aws' };
    const aws = catalogInfo(parseClusterSpec(doc), '1.20.3');
    expect(aws.metadata.annotations['kubernetes.io/auth-provider']).toBe('aws');
  });

  it('refuses an auth provider that would need a token in the catalog', () => {
    const doc = validSpecDoc();
    doc.spec.controlPlane = {
      apiServerHost: '10.1.2.3',
      authProvider: 'serviceAccount',
    };
    expect(() => parseClusterSpec(doc)).toThrow(
      /spec\.controlPlane\.authProvider/,
    );
  });

  it('writes the API server CA as base64 of the PEM, as the locators decode it', () => {
    const doc = validSpecDoc();
    const bundle = API_SERVER_CA_PEM + SECOND_CA_PEM;
    doc.spec.controlPlane = { apiServerHost: '10.1.2.3', apiServerCA: bundle };
    const value = catalogInfo(parseClusterSpec(doc), '1.20.3').metadata
      .annotations['kubernetes.io/api-server-certificate-authority'];
    expect(value).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(value, 'base64').toString('utf8')).toBe(bundle);
  });

  it('writes no CA annotation without controlPlane.apiServerCA', () => {
    const entity = catalogInfo(parseClusterSpec(validSpecDoc()), '1.20.3');
    expect(Object.keys(entity.metadata.annotations)).not.toContain(
      'kubernetes.io/api-server-certificate-authority',
    );
  });

  it('has no dependsOn without mesh peers', () => {
    const doc = validSpecDoc();
    doc.spec.clusterMesh = { peers: [] };
    doc.spec.demoApps.jobsApp = false;
    expect(catalogInfo(parseClusterSpec(doc), '1.20.3').spec.dependsOn).toBe(
      undefined,
    );
  });
});
