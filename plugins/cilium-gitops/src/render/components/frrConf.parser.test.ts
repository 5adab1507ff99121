/**
 * Every frr.conf the renderer can make must pass FRR's own parser: Debian's
 * `frr` package, `vtysh --dryrun -f <file>` (exit 0 when valid; otherwise
 * non-zero with the failing line). scripts/test.sh installs it when missing.
 */
import { spawnSync } from 'child_process';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { loadAddonCatalog } from '../../catalog';
import { parseClusterSpecYaml } from '../../spec/parse';
import type { ClusterSpec } from '../../spec/types';
import { thirdClusterSpec } from '../__fixtures__/thirdCluster';
import { renderClusterRepo } from '../index';
import { FRR_CONF_PATH } from './frrConf';
import { exampleSpec, specWith } from './testContext';

const EXAMPLES = path.resolve(__dirname, '../../../../../gitops/examples');
const catalog = loadAddonCatalog();

function vtyshPath(): string {
  const found = spawnSync('sh', ['-c', 'command -v vtysh'], {
    encoding: 'utf8',
  }).stdout.trim();
  if (found) return found;
  if (existsSync('/usr/bin/vtysh')) return '/usr/bin/vtysh';
  throw new Error(
    "vtysh not found: install Debian's frr package (scripts/test.sh does)",
  );
}

const dir = mkdtempSync(path.join(tmpdir(), 'frr-parse-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function parse(name: string, content: string) {
  const file = path.join(dir, `${name}.conf`);
  writeFileSync(file, content);
  const run = spawnSync(vtyshPath(), ['--dryrun', '-f', file], {
    encoding: 'utf8',
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

function frrConfOf(spec: ClusterSpec): string {
  const file = renderClusterRepo(spec, catalog).files.find(
    f => f.path === FRR_CONF_PATH,
  );
  if (!file) throw new Error(`no ${FRR_CONF_PATH} for ${spec.metadata.name}`);
  return file.content;
}

function exampleCluster(name: string): ClusterSpec {
  return parseClusterSpecYaml(
    readFileSync(path.join(EXAMPLES, name, 'cluster.yaml'), 'utf8'),
    { ciliumVersions: catalog.ciliumVersions },
  );
}

const cases: Array<[string, () => ClusterSpec]> = [
  ['democluster1', () => exampleCluster('democluster1')],
  ['democluster2', () => exampleCluster('democluster2')],
  ['edge-lab-7 (native routing, two pools, 4-byte ASN)', thirdClusterSpec],
  [
    'in-cluster control plane, no mesh',
    () =>
      specWith(s => {
        s.spec.controlPlane.external = false;
        s.spec.clusterMesh.peers = [];
      }),
  ],
  [
    'no upstream neighbor',
    () => specWith(s => delete s.spec.bgp!.router!.upstream),
  ],
];

describe('router/frr.conf passes FRR’s parser (vtysh --dryrun)', () => {
  it.each(cases)('%s', (_label, make) => {
    const content = frrConfOf(make());
    expect(parse('case', content)).toEqual({ status: 0, output: '' });
  });

  it('would catch a broken file: vtysh names the failing line', () => {
    const content = frrConfOf(exampleSpec()).replace('  network ', '  netwrk ');
    const result = parse('broken', content);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/line \d+: % Unknown command.*netwrk/);
  });
});
