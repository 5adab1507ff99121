import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ADDONS_DIR_ENV,
  AddonCatalogError,
  DEFAULT_ADDONS_DIR,
  loadAddonCatalog,
} from './loadAddonCatalog';

const EXPECTED_ADDONS = [
  'argo-cd',
  'bookinfo',
  'cert-manager',
  'cert-manager-issuers',
  'cilium',
  'cilium-config',
  'echo',
  'external-dns',
  'gateway-api-crds',
  'hubble-ui-ingress',
  'jobs-app',
  'kube-prometheus-stack',
  'openebs',
  'opentelemetry-operator',
  'otel-collector',
  'prometheus-operator-crds',
  'tempo',
];

/** A copy of the real catalog in a temp folder, to break on purpose. */
function copyCatalog(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'addons-'));
  fs.cpSync(DEFAULT_ADDONS_DIR, dir, { recursive: true });
  return dir;
}

function loadError(dir: string): AddonCatalogError {
  try {
    loadAddonCatalog(dir);
  } catch (e) {
    if (e instanceof AddonCatalogError) return e;
    throw e;
  }
  throw new Error('expected the catalog to be rejected');
}

describe('loadAddonCatalog', () => {
  it('reads the repository catalog with every addon', () => {
    const catalog = loadAddonCatalog();
    expect(Object.keys(catalog.addons).sort()).toEqual(EXPECTED_ADDONS);
    expect(Object.keys(catalog.ciliumVersions)).toEqual([
      '1.18',
      '1.19',
      '1.20',
    ]);
    expect(catalog.ciliumVersions['1.20'].at(-1)).toBe('1.20.3');
    expect(catalog.ciliumVersions['1.19'].at(-1)).toBe('1.19.8');
  });

  it('fills id and default values from the folder', () => {
    const { addons } = loadAddonCatalog();
    expect(addons['cert-manager'].id).toBe('cert-manager');
    expect(addons['cert-manager'].defaultValues).toMatchObject({
      crds: { enabled: true, keep: true },
    });
    expect(addons['cilium-config'].defaultValues).toEqual({});
  });

  it('pins the Gateway API CRD tag per Cilium minor', () => {
    const { addons } = loadAddonCatalog();
    const gw = addons['gateway-api-crds'];
    expect(gw.git?.path).toBe('config/crd/standard');
    expect(gw.pins['1.18'].targetRevision).toBe('v1.3.0');
    expect(gw.pins['1.19'].targetRevision).toBe('v1.4.1');
    expect(gw.pins['1.20'].targetRevision).toBe('v1.6.1');
    expect(gw.syncOptions).toContain('ServerSideApply=true');
  });

  it('merges pinDefaults into every minor', () => {
    const { addons } = loadAddonCatalog();
    for (const minor of ['1.18', '1.19', '1.20']) {
      expect(addons.bookinfo.pins[minor].imageTag).toBe('1.20.3');
    }
  });

  it('orders sync waves: CRDs, Cilium, Cilium config, base addons, demos', () => {
    const { addons } = loadAddonCatalog();
    const wave = (id: string) => addons[id].syncWave;
    expect(wave('gateway-api-crds')).toBeLessThan(wave('cilium'));
    expect(wave('prometheus-operator-crds')).toBeLessThan(wave('cilium'));
    expect(wave('cilium')).toBeLessThan(wave('cilium-config'));
    expect(wave('cilium-config')).toBeLessThan(wave('cert-manager'));
    expect(wave('cert-manager')).toBeLessThan(wave('cert-manager-issuers'));
    expect(wave('opentelemetry-operator')).toBeLessThan(wave('otel-collector'));
    expect(wave('otel-collector')).toBeLessThan(wave('jobs-app'));
  });

  it('uses CILIUM_GITOPS_ADDONS_DIR when no folder is given', () => {
    const dir = copyCatalog();
    fs.rmSync(path.join(dir, 'tempo'), { recursive: true });
    const before = process.env[ADDONS_DIR_ENV];
    process.env[ADDONS_DIR_ENV] = dir;
    try {
      expect(loadAddonCatalog().addons.tempo).toBeUndefined();
    } finally {
      if (before === undefined) delete process.env[ADDONS_DIR_ENV];
      else process.env[ADDONS_DIR_ENV] = before;
    }
  });

  it('rejects a malformed addon.yaml, naming the file and the field', () => {
    const dir = copyCatalog();
    const file = path.join(dir, 'cert-manager', 'addon.yaml');
    fs.writeFileSync(
      file,
      fs
        .readFileSync(file, 'utf8')
        .replace('version: v1.21.2', 'version: 1.21')
        .replace('syncWave: 0', 'syncWave: soon'),
    );
    const err = loadError(dir);
    expect(err.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file, field: 'syncWave' }),
      ]),
    );
    expect(err.message).toContain(
      `${file}: syncWave: Expected number, received string`,
    );
  });

  it('rejects a chart without a version and unknown fields', () => {
    const dir = copyCatalog();
    const file = path.join(dir, 'tempo', 'addon.yaml');
    fs.writeFileSync(
      file,
      fs
        .readFileSync(file, 'utf8')
        .replace('  version: 2.2.4\n', '')
        .replace('syncWave: 2', 'syncWave: 2\nsyncwave: 3'),
    );
    const err = loadError(dir);
    expect(err.message).toContain(`${file}: chart.version: Required`);
    expect(err.message).toContain(`${file}: unknown field(s) syncwave`);
  });

  it('rejects unquoted pin values', () => {
    const dir = copyCatalog();
    const file = path.join(dir, 'cilium', 'addon.yaml');
    fs.writeFileSync(
      file,
      fs
        .readFileSync(file, 'utf8')
        .replace('hubbleKafkaMetrics: "false"', 'hubbleKafkaMetrics: false'),
    );
    expect(loadError(dir).message).toContain(
      `${file}: pins.1.20.hubbleKafkaMetrics: pin values must be quoted strings`,
    );
  });

  it('rejects pins for a minor that cilium-versions.yaml does not pin', () => {
    const dir = copyCatalog();
    const file = path.join(dir, 'cilium', 'addon.yaml');
    fs.writeFileSync(
      file,
      fs
        .readFileSync(file, 'utf8')
        .replace(
          '"1.20": { hubbleKafkaMetrics: "false" }',
          '"1.20": { hubbleKafkaMetrics: "false" }\n  "1.21": { hubbleKafkaMetrics: "false" }',
        ),
    );
    expect(loadError(dir).message).toContain(
      `${file}: pins.1.21: 1.21 is not a minor of cilium-versions.yaml`,
    );
  });

  it('rejects invalid YAML and a values.yaml that is not a mapping', () => {
    const dir = copyCatalog();
    fs.writeFileSync(
      path.join(dir, 'echo', 'addon.yaml'),
      'description: [unclosed\n',
    );
    fs.writeFileSync(path.join(dir, 'openebs', 'values.yaml'), '- a\n- b\n');
    const err = loadError(dir);
    expect(err.message).toContain(
      `${path.join(dir, 'echo', 'addon.yaml')}: not valid YAML`,
    );
    expect(err.message).toContain(
      `${path.join(
        dir,
        'openebs',
        'values.yaml',
      )}: must be a YAML mapping of Helm values`,
    );
  });

  it('rejects Cilium versions that are not newest last', () => {
    const dir = copyCatalog();
    const file = path.join(dir, 'cilium-versions.yaml');
    fs.writeFileSync(file, '"1.20":\n  - 1.20.3\n  - 1.20.1\n');
    const err = loadError(dir);
    expect(err.message).toContain(
      `${file}: 1.20[1]: 1.20.1 must be newer than 1.20.3 (newest last)`,
    );
  });

  it('rejects a folder without addon.yaml', () => {
    const dir = copyCatalog();
    fs.mkdirSync(path.join(dir, 'stray'));
    const err = loadError(dir);
    expect(err.message).toContain(
      `${path.join(dir, 'stray', 'addon.yaml')}: cannot read`,
    );
  });
});
