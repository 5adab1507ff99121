import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import yaml from 'yaml';
import {
  FORM_FIELDS,
  formFieldSchema,
  mergeFormSchema,
} from '@internal/cilium-gitops';
import { REPO_ROOT } from './__testUtils__/dryRunBackend';
import { specIssuePaths } from './__testUtils__/specIssuePaths';

/**
 * The template form's constraints are generated from the spec's field rules
 * (`yarn generate:template-schema`): the committed template must be what the
 * generator writes, and every value the generated field schema rejects is
 * one the spec rejects at the field the form fills.
 */
const templateFile = path.join(
  REPO_ROOT,
  'templates/cilium-cluster/template.yaml',
);
const committed = fs.readFileSync(templateFile, 'utf8');

describe('the template form schema generated from the spec', () => {
  it('is what the committed template holds (run yarn generate:template-schema)', () => {
    expect(mergeFormSchema(committed)).toBe(committed);
  });

  it('rewrites stale constraints and keeps the hand-written keys and comments', () => {
    const stale = committed
      .replace(
        /(podCIDR:\n {10}title: Pod CIDR\n {10}type: string\n {10}pattern: )'[^']*'/,
        (_, head) => `${head}'^.*$'`,
      )
      .replace(/( {10}maxLength: 32\n)( {10}not:)/, '$2');
    expect(stale).not.toBe(committed);
    expect(mergeFormSchema(stale)).toBe(committed);
    const merged = yaml.parse(mergeFormSchema(stale));
    const name = merged.spec.parameters[0].properties.name;
    expect(name).toMatchObject({
      title: 'Cluster name',
      maxLength: 32,
      not: { const: 'default' },
      'ui:autofocus': true,
    });
    expect(mergeFormSchema(stale)).toContain(
      '# Publish as the signed-in user (their GitHub token',
    );
  });

  it('names a form field the template lacks', () => {
    expect(() =>
      mergeFormSchema(
        committed.replace(/\n {8}acmeEmail:\n/, '\n        acmeMail:\n'),
      ),
    ).toThrow('the template has no form field acmeEmail');
  });

  it('carries pattern, range and enum of the spec rules', () => {
    expect(formFieldSchema('clusterId')).toEqual({
      type: 'integer',
      minimum: 1,
      maximum: 255,
    });
    expect(formFieldSchema('routingMode')).toEqual({
      type: 'string',
      enum: ['tunnel', 'native'],
    });
    expect(formFieldSchema('router.workerNodes')).toMatchObject({
      type: 'array',
      minItems: 1,
      items: { type: 'string', pattern: expect.stringContaining('25[0-5]') },
    });
  });
});

const ajv = new Ajv({ strict: false });

type Verdict = 'both accept' | 'both reject' | 'only the spec rejects';
const OK: Verdict = 'both accept';
const NO: Verdict = 'both reject';
/** A rule JSON Schema cannot carry: the template's validate step reports it. */
const SPEC: Verdict = 'only the spec rejects';

/** Form field, a value, and who refuses it (never the form alone). */
const samples: [field: string, value: unknown, verdict: Verdict][] = [
  ['name', 'c1', OK],
  ['name', 'a'.repeat(32), OK],
  ['name', 'a'.repeat(33), NO],
  ['name', 'Demo', NO],
  ['name', '-x', NO],
  ['name', 'default', SPEC], // the template's hand-written `not` says so too
  ['clusterId', 255, OK],
  ['clusterId', 0, NO],
  ['clusterId', 256, NO],
  ['clusterId', 1.5, NO],
  ['apiServerHost', '192.0.2.10', OK],
  ['apiServerHost', '10.0.0.1', SPEC], // inside the pod CIDR (a cross-field rule)
  ['apiServerHost', 'api.example.net', OK],
  ['apiServerHost', 'api.example.net.', OK],
  ['apiServerHost', 'bad host', NO],
  ['apiServerHost', 'a_b.example.net', NO],
  ['apiServerHost', '-a', NO],
  ['apiServerHost', 'localhost', SPEC],
  ['apiServerHost', '10.0.0.256', SPEC],
  ['apiServerPort', 65535, OK],
  ['apiServerPort', 0, NO],
  ['apiServerPort', 65536, NO],
  ['apiServerPort', 80.5, NO],
  ['podCIDR', '10.0.0.0/16', OK],
  ['podCIDR', '10.0.0.0/08', OK],
  ['podCIDR', '10.0.0.0/33', NO],
  ['podCIDR', '10.0.0/16', NO],
  ['podCIDR', '010.0.0.0/8', NO],
  ['podCIDR', '10.0.0.1/16', SPEC],
  ['routingMode', 'native', OK],
  ['routingMode', 'vxlan', NO],
  ['bgpLocalASN', 4200000000, OK],
  ['bgpLocalASN', 0, NO],
  ['bgpLocalASN', 4294967296, NO],
  ['bgpLocalASN', 1.5, NO],
  ['bgpLocalASN', 23456, SPEC], // the template's hand-written `not` says so too
  ['bgpPeerAddress', '172.22.5.1', OK],
  ['bgpPeerAddress', '172.22.5.256', NO],
  ['bgpPeerAddress', '01.2.3.4', NO],
  ['bgpPeerAddress', '1.2.3', NO],
  ['router.hostname', 'frr-1', OK],
  ['router.hostname', 'FRR_1', NO],
  ['router.hostname', 'a'.repeat(64), NO],
  ['router.workerNodeCIDR', '172.22.5.0/24', OK],
  ['router.workerNodeCIDR', '172.22.5.0/40', NO],
  ['router.workerNodes', [], NO],
  ['router.workerNodes', ['172.22.5.999'], NO],
  ['domain', 'c1demo.example.net', OK],
  ['domain', 'localhost', NO],
  ['domain', 'a..b', NO],
  ['domain', 'example.123', SPEC],
  ['dnsZone', 'example.net', OK],
  ['dnsZone', 'example', NO],
  ['tsigKeyName', 'externaldns', OK],
  ['tsigKeyName', 'bad key!', NO],
  ['tsigAlgorithm', 'hmac-sha512', OK],
  ['tsigAlgorithm', 'hmac-sha224', NO],
  ['tsigSecretName', 'externaldns.tsig', OK],
  ['tsigSecretName', 'Not_A_Name', NO],
  ['tsigSecretName', `${'a'.repeat(251)}.bc`, NO],
  ['tsigSecretKey', 'tsig-secret', OK],
  ['tsigSecretKey', 'a/b', NO],
  ['tsigSecretKey', '', NO],
  ['acmeEmail', 'ops@example.net', OK],
  ['acmeEmail', 'a b@c.d', NO],
  ['acmeServer', 'https://acme.example.net/directory', OK],
  ['acmeServer', 'http://acme.example.net/', NO],
  ['clusterIssuer', 'Acme_Prod', NO],
  ['grafanaHost', 'grafana', NO],
  ['meshPeers', ['democluster2'], OK],
  ['meshPeers', ['Bad'], NO],
  ['gitopsRepoURL', 'git@github.com:example/r.git', OK],
  ['gitopsRepoURL', 'ssh://git@git.example.net/r.git', OK],
  ['gitopsRepoURL', 'file:///srv/git/r.git', OK],
  ['gitopsRepoURL', 'https://user:token@git.example.net/r.git', NO],
  ['gitopsRepoURL', 'not a url', NO],
  ['gitopsRepoURL', 'ftp://x/y', NO],
];

describe('form and spec agree on sample values', () => {
  it.each(samples)('%s = %j: %s', (field, value, verdict) => {
    const spec = FORM_FIELDS[field];
    const formAccepts = ajv.validate(formFieldSchema(field), value);
    const specAccepts = !specIssuePaths(spec, value).some(p =>
      p.startsWith(spec),
    );
    const seen: Record<string, Verdict> = {
      'true true': OK,
      'false false': NO,
      'true false': SPEC,
      'false true': 'the form alone rejects' as Verdict,
    };
    expect(seen[`${formAccepts} ${specAccepts}`]).toBe(verdict);
  });
});
