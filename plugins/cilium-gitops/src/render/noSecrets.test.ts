import { parseAllDocuments } from 'yaml';
import { loadAddonCatalog } from '../catalog';
import { meshPeerDoc } from '../spec/__fixtures__/meshPeer';
import { PLANTED_SECRETS, validSpecDoc } from '../spec/__fixtures__/validSpec';
import { parseClusterSpec, validateClusterSpec } from '../spec/parse';
import { renderClusterRepo } from './index';

const catalog = loadAddonCatalog();
const PLANTED = Object.values(PLANTED_SECRETS);

/** Every mapping in `value` with its path, depth first. */
function* mappings(
  value: unknown,
  path = '',
): Generator<[string, Record<string, unknown>]> {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries())
      yield* mappings(item, `${path}[${i}]`);
  } else if (value && typeof value === 'object') {
    yield [path, value as Record<string, unknown>];
    for (const [k, v] of Object.entries(value))
      yield* mappings(v, `${path}.${k}`);
  }
}

describe('no secret value in the output', () => {
  it('every place a user might paste a secret into the spec is rejected, without echoing it', () => {
    const pastes: [string, (d: any) => void][] = [
      [
        'spec.dns.rfc2136.tsigSecret',
        d => (d.spec.dns.rfc2136.tsigSecret = PLANTED_SECRETS.tsig),
      ],
      [
        'spec.dns.rfc2136.tsigSecretRef',
        d => (d.spec.dns.rfc2136.tsigSecretRef = PLANTED_SECRETS.tsig),
      ],
      [
        'spec.dns.rfc2136.tsigSecretRef.value',
        d => (d.spec.dns.rfc2136.tsigSecretRef.value = PLANTED_SECRETS.tsig),
      ],
      [
        'spec.observability.grafanaAdminPassword',
        d =>
          (d.spec.observability.grafanaAdminPassword = PLANTED_SECRETS.grafana),
      ],
      [
        'spec.observability.grafanaAdminSecretRef',
        d =>
          (d.spec.observability.grafanaAdminSecretRef =
            PLANTED_SECRETS.grafana),
      ],
      [
        'spec.tls.acme.eabHmacKey',
        d => (d.spec.tls.acme.eabHmacKey = PLANTED_SECRETS.acme),
      ],
      [
        'spec.bgp.peers[0].password',
        d => (d.spec.bgp.peers[0].password = PLANTED_SECRETS.bgp),
      ],
      [
        'spec.bgp.peers[0].authSecret',
        d => (d.spec.bgp.peers[0].authSecret = PLANTED_SECRETS.bgp),
      ],
      ['spec.gitops.token', d => (d.spec.gitops.token = PLANTED_SECRETS.acme)],
    ];
    for (const [path, paste] of pastes) {
      const doc = validSpecDoc();
      paste(doc);
      const result = validateClusterSpec(doc);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.issues.map(i => i.path)).toContain(path);
      const shown = JSON.stringify(result.issues);
      for (const value of PLANTED) expect(shown).not.toContain(value);
    }
  });

  describe.each(['democluster1', 'democluster2'])(
    'rendered tree of %s',
    name => {
      const doc = name === 'democluster1' ? validSpecDoc() : meshPeerDoc();
      const spec = parseClusterSpec(doc, {
        ciliumVersions: catalog.ciliumVersions,
      });
      const repo = renderClusterRepo(spec, catalog);
      const objects = repo.files
        .filter(f => f.path.endsWith('.yaml'))
        .flatMap(f =>
          parseAllDocuments(f.content).map(d => [f.path, d.toJS()] as const),
        );

      it('renders no Secret object and no inline secret data', () => {
        for (const [file, object] of objects) {
          expect(`${file}: kind ${object?.kind}`).not.toMatch(/kind Secret$/);
          for (const [path] of mappings(object)) {
            expect(`${file}${path}`).not.toMatch(/\.stringData$/);
          }
        }
      });

      it('refers to Secrets only by the names and keys of the spec and the components', () => {
        const names = new Set<string>();
        for (const [, object] of objects) {
          for (const [, map] of mappings(object)) {
            const ref = map.secretKeyRef as { name?: string } | undefined;
            if (ref?.name) names.add(ref.name);
            for (const key of [
              'existingSecret',
              'tsigSecretSecretRef',
              'authSecretRef',
              'secretName',
            ]) {
              const v = map[key];
              if (typeof v === 'string') names.add(v);
              else if (v && typeof v === 'object' && 'name' in v)
                names.add(String((v as { name: unknown }).name));
            }
          }
        }
        expect(names.has('externaldns-tsig')).toBe(true);
        expect(names.has('grafana-admin')).toBe(true);
      });

      it('has env values only from Secrets where they are secret', () => {
        for (const [file, object] of objects) {
          for (const [path, map] of mappings(object)) {
            if (
              typeof map.name === 'string' &&
              /SECRET|PASSWORD|TOKEN/.test(map.name) &&
              'value' in map
            ) {
              throw new Error(
                `${file}${path}: env ${map.name} has an inline value; use valueFrom.secretKeyRef`,
              );
            }
          }
        }
      });
    },
  );
});
