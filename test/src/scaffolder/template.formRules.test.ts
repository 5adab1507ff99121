import Ajv from 'ajv';
import { selfSignedCertificate } from '../tls';
import {
  democluster1Values,
  loadClusterTemplate,
} from './__testUtils__/dryRunBackend';
import { specIssuePaths } from './__testUtils__/specIssuePaths';

/**
 * The form's JSON Schema rules against the spec's zod rules: a value the
 * form rejects is one the spec rejects at the matching field, and the edge
 * values the form accepts pass the spec's field rules too. Ajv is what the
 * scaffolder frontend validates the form with.
 */
const template = loadClusterTemplate();
const ajv = new Ajv({ strict: false, allErrors: true });
const pages = (template.spec.parameters as object[]).map(page =>
  ajv.compile(page),
);

function formErrors(values: Record<string, unknown>): string[] {
  return pages.flatMap(validate =>
    validate(values)
      ? []
      : validate.errors!.map(
          e => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`,
        ),
  );
}

/** Form field (dotted into nested form objects) → the spec field it becomes. */
type Case = [formField: string, value: unknown, specPath: string];

const withField = (field: string, value: unknown) => {
  const values: Record<string, any> = structuredClone(democluster1Values);
  const keys = field.split('.');
  let node = values;
  for (const key of keys.slice(0, -1)) node = node[key];
  node[keys[keys.length - 1]] = value;
  return values;
};

const rejected: Case[] = [
  ['name', 'Demo', 'metadata.name'],
  ['name', 'default', 'metadata.name'],
  ['name', 'a'.repeat(33), 'metadata.name'],
  ['name', '-x', 'metadata.name'],
  ['clusterId', 0, 'spec.clusterId'],
  ['clusterId', 256, 'spec.clusterId'],
  ['clusterId', 1.5, 'spec.clusterId'],
  ['ciliumVersion', '1.17.0', 'spec.cilium.version'],
  ['apiServerHost', 'bad host', 'spec.controlPlane.apiServerHost'],
  ['apiServerPort', 0, 'spec.controlPlane.apiServerPort'],
  ['apiServerPort', 65536, 'spec.controlPlane.apiServerPort'],
  ['podCIDR', '10.0.0.0/33', 'spec.network.podCIDR'],
  ['podCIDR', '10.0.0/16', 'spec.network.podCIDR'],
  ['podCIDR', '300.0.0.0/8', 'spec.network.podCIDR'],
  ['serviceCIDR', '10.192.0.0', 'spec.network.serviceCIDR'],
  ['routingMode', 'vxlan', 'spec.network.routingMode'],
  ['lbPoolCIDR', '10.245.12.0/', 'spec.network.loadBalancerPools[0].cidr'],
  ['bgpLocalASN', 0, 'spec.bgp.localASN'],
  ['bgpLocalASN', 23456, 'spec.bgp.localASN'],
  ['bgpLocalASN', 4294967296, 'spec.bgp.localASN'],
  ['bgpPeerAddress', '172.22.5', 'spec.bgp.peers[0].address'],
  ['bgpPeerAddress', '172.22.5.256', 'spec.bgp.peers[0].address'],
  ['bgpPeerASN', 0, 'spec.bgp.peers[0].asn'],
  ['router.routerId', '172.22.5', 'spec.bgp.router.routerId'],
  ['router.workerNodeCIDR', '172.22.5.0/40', 'spec.bgp.router.workerNodeCIDR'],
  ['router.workerNodes', [], 'spec.bgp.router.workerNodes'],
  ['router.hostname', 'FRR_1', 'spec.bgp.router.hostname'],
  ['domain', 'localhost', 'spec.dns.domain'],
  ['domain', 'c1demo..example.net', 'spec.dns.domain'],
  ['dnsServerPort', 0, 'spec.dns.rfc2136.port'],
  ['dnsZone', 'example', 'spec.dns.rfc2136.zone'],
  ['tsigKeyName', 'bad key!', 'spec.dns.rfc2136.tsigKeyName'],
  ['tsigAlgorithm', 'hmac-sha224', 'spec.dns.rfc2136.tsigAlgorithm'],
  ['tsigSecretName', 'Not_A_Name', 'spec.dns.rfc2136.tsigSecretRef.name'],
  ['tsigSecretKey', 'a/b', 'spec.dns.rfc2136.tsigSecretRef.key'],
  ['acmeEmail', 'ops', 'spec.tls.acme.email'],
  ['acmeServer', 'http://acme.example.net/directory', 'spec.tls.acme.server'],
  ['clusterIssuer', 'Acme_Prod', 'spec.tls.clusterIssuer'],
  ['grafanaHost', 'grafana', 'spec.observability.grafanaHost'],
  ['hubbleUIHost', 'hubble ui', 'spec.observability.hubbleUIHost'],
  [
    'grafanaAdminSecretName',
    'X Y',
    'spec.observability.grafanaAdminSecretRef.name',
  ],
  [
    'grafanaAdminSecretKey',
    'pass word',
    'spec.observability.grafanaAdminSecretRef.key',
  ],
  ['meshPeers', ['Bad'], 'spec.clusterMesh.peers[0]'],
  ['gitopsRepoURL', 'not a url', 'spec.gitops.repoURL'],
  [
    'gitopsRepoURL',
    'https://user:token@git.example.net/r.git',
    'spec.gitops.repoURL',
  ],
];

const accepted: Case[] = [
  ['name', 'a'.repeat(32), 'metadata.name'],
  ['name', 'c1', 'metadata.name'],
  ['clusterId', 255, 'spec.clusterId'],
  ['ciliumVersion', '1.18.6', 'spec.cilium.version'],
  [
    'apiServerHost',
    'api.c1demo.example.net',
    'spec.controlPlane.apiServerHost',
  ],
  ['apiServerPort', 65535, 'spec.controlPlane.apiServerPort'],
  [
    'apiServerCA',
    selfSignedCertificate('api-ca', ['DNS:api.c1demo.example.net']).cert,
    'spec.controlPlane.apiServerCA',
  ],
  ['routingMode', 'native', 'spec.network.routingMode'],
  ['bgpLocalASN', 4200000000, 'spec.bgp.localASN'],
  ['tsigAlgorithm', 'hmac-sha512', 'spec.dns.rfc2136.tsigAlgorithm'],
  ['tsigSecretName', 'externaldns.tsig', 'spec.dns.rfc2136.tsigSecretRef.name'],
  [
    'gitopsRepoURL',
    'git@github.com:example/democluster1-gitops.git',
    'spec.gitops.repoURL',
  ],
  [
    'gitopsRepoURL',
    'file:///srv/git/democluster1-gitops.git',
    'spec.gitops.repoURL',
  ],
];

describe('the cilium-cluster form rules agree with the cluster spec rules', () => {
  it('accepts the democluster1 values', () => {
    expect(formErrors(democluster1Values)).toEqual([]);
  });

  it.each(rejected)(
    'form and spec both reject %s = %j',
    (field, value, specPath) => {
      const errors = formErrors(withField(field, value));
      expect(errors.length).toBeGreaterThan(0);
      const top = field.split('.')[0];
      expect(errors.join('\n')).toMatch(
        new RegExp(`/${top}\\b|"missingProperty":"${top}"|"not"`),
      );
      expect(specIssuePaths(specPath, value)).toContainEqual(
        expect.stringMatching(
          new RegExp(`^${specPath.replace(/[.[\]]/g, '\\$&')}`),
        ),
      );
    },
  );

  it.each(accepted)(
    'form and spec both accept %s = %j',
    (field, value, specPath) => {
      expect(formErrors(withField(field, value))).toEqual([]);
      expect(
        specIssuePaths(specPath, value).filter(p => p.startsWith(specPath)),
      ).toEqual([]);
    },
  );

  it('asks for the GitHub repository only for the GitHub target', () => {
    const { gitopsRepoURL, ...values } = democluster1Values;
    expect(
      formErrors({ ...values, publishTarget: 'github' }).join('\n'),
    ).toMatch(/repoUrl/);
    expect(
      formErrors({ ...values, publishTarget: 'local' }).join('\n'),
    ).toMatch(/gitopsRepoURL/);
    expect(
      formErrors({
        ...values,
        publishTarget: 'github',
        repoUrl: 'github.com?owner=o&repo=r',
      }),
    ).toEqual([]);
  });

  it('asks for the router only when wanted', () => {
    const { router, ...values } = democluster1Values;
    expect(formErrors({ ...values, withRouter: false })).toEqual([]);
    expect(formErrors({ ...values, withRouter: true }).join('\n')).toMatch(
      /router/,
    );
  });
});
