import { spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import {
  DEFAULT_ADDONS_DIR,
  loadAddonCatalog,
} from '../catalog/loadAddonCatalog';
import { renderClusterRepo } from '../render';
import { parseClusterSpec } from '../spec/parse';
import { validSpecDoc } from '../spec/__fixtures__/validSpec';
import type { ClusterSpec } from '../spec/types';
import { fleetWorkerExecArgv, renderFleet } from './renderFleet';
import type { FleetResult } from './types';

const catalog = loadAddonCatalog();

function spec(i: number): ClusterSpec {
  const doc = validSpecDoc();
  doc.metadata.name = `fleet${i}`;
  doc.spec.clusterId = i + 1;
  doc.spec.gitops.repoURL = `https://github.com/example/fleet${i}-gitops.git`;
  doc.spec.clusterMesh = { peers: [] };
  return parseClusterSpec(doc, { ciliumVersions: catalog.ciliumVersions });
}

describe('renderFleet', () => {
  let tmp: string;
  beforeEach(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'cilium-gitops-fleet-'));
  });
  afterEach(() => fs.rm(tmp, { recursive: true, force: true }));

  it('gives the in-process render of every spec, in input order, whatever the concurrency', async () => {
    const specs = [0, 1, 2, 3, 4].map(spec);
    const expected = specs.map(s => renderClusterRepo(s, catalog).files);
    for (const concurrency of [1, 3]) {
      const order: number[] = [];
      const { results, concurrency: used } = await renderFleet(specs, catalog, {
        concurrency,
      });
      expect(used).toBe(concurrency);
      expect(results.map(r => r.ok && r.files)).toEqual(expected);
      expect(results.map(r => r.source)).toEqual(
        specs.map(s => `spec ${s.metadata.name}`),
      );
      await renderFleet(specs, catalog, {
        concurrency,
        onRendered: r => {
          order.push(r.index);
        },
      });
      expect(order).toEqual([0, 1, 2, 3, 4]);
    }
  }, 60_000);

  it('a bad spec names its file and field, is not written, and does not stop the others', async () => {
    const bad = validSpecDoc();
    bad.spec.network.podCIDR = '10.0.0.0/33';
    bad.spec.clusterId = 300;
    const files = {
      good: stringify(validSpecDoc()),
      bad: stringify(bad),
      broken: 'metadata: [unclosed\n',
    };
    for (const [name, text] of Object.entries(files)) {
      await fs.mkdir(path.join(tmp, 'in', name), { recursive: true });
      await fs.writeFile(path.join(tmp, 'in', name, 'cluster.yaml'), text);
    }
    const names = ['bad', 'good', 'missing', 'broken'];
    const seen: FleetResult[] = [];
    const { results } = await renderFleet(
      names.map(name => ({
        file: path.join(tmp, 'in', name, 'cluster.yaml'),
        outDir: path.join(tmp, 'out', name),
      })),
      catalog,
      { concurrency: 2, onRendered: r => void seen.push(r) },
    );
    expect(seen.map(r => r.index)).toEqual([0, 1, 2, 3]);
    expect(results.map(r => r.ok)).toEqual([false, true, false, false]);
    const badFile = path.join(tmp, 'in/bad/cluster.yaml');
    expect(results[0]).toMatchObject({
      source: badFile,
      issues: [
        {
          path: 'spec.clusterId',
          message: '300 is not a valid Cilium cluster id (an integer 1..255)',
        },
        {
          path: 'spec.network.podCIDR',
          message: '10.0.0.0/33 is not a valid IPv4 CIDR',
        },
      ],
    });
    expect(!results[0].ok && results[0].message).toContain(
      `${badFile}: invalid cluster spec (2 problems):\n  spec.clusterId: 300`,
    );
    expect(!results[2].ok && results[2].message).toMatch(
      /missing\/cluster\.yaml: cannot read: ENOENT/,
    );
    expect(!results[3].ok && results[3].message).toMatch(
      /broken\/cluster\.yaml: invalid cluster spec/,
    );
    expect(await fs.readdir(path.join(tmp, 'out'))).toEqual(['good']);
    const good = results[1];
    expect(good.ok && good.files).toBeUndefined(); // streamed, not kept
    expect(good.ok && good.outDir).toBe(path.join(tmp, 'out/good'));
    const expected = renderClusterRepo(
      parseClusterSpec(validSpecDoc(), {
        ciliumVersions: catalog.ciliumVersions,
      }),
      catalog,
    );
    for (const file of expected.files) {
      expect(
        await fs.readFile(path.join(tmp, 'out/good', file.path), 'utf8'),
      ).toBe(file.content);
    }
  }, 60_000);

  it('a slow onRendered holds the workers back instead of buffering, and still gets every result in order', async () => {
    const specs = Array.from({ length: 12 }, (_, i) => spec(i));
    const order: number[] = [];
    const { results } = await renderFleet(specs, catalog, {
      concurrency: 1,
      onRendered: async r => {
        await new Promise(resolve => setTimeout(resolve, 20));
        order.push(r.index);
      },
    });
    expect(order).toEqual(specs.map((_, i) => i));
    expect(results.every(r => r.ok && r.files === undefined)).toBe(true);
  }, 60_000);

  it('an empty fleet needs no workers', async () => {
    expect(await renderFleet([], catalog)).toEqual({
      results: [],
      concurrency: 0,
    });
  });

  it('rejects when onRendered throws', async () => {
    await expect(
      renderFleet([spec(0), spec(1)], catalog, {
        concurrency: 1,
        onRendered: () => {
          throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
  }, 60_000);

  it('starts TypeScript workers with tsx unless the parent already has a TS loader', () => {
    expect(fleetWorkerExecArgv('/x/renderFleet.ts', [])).toEqual([
      '--import',
      expect.stringMatching(/^file:.*\/tsx\/dist\/loader\.mjs$/),
    ]);
    expect(
      fleetWorkerExecArgv('/x/renderFleet.ts', [
        '--require',
        '/r/node_modules/tsx/dist/preflight.cjs',
        '--import',
        'file:///r/node_modules/tsx/dist/loader.mjs',
      ]),
    ).toBeUndefined();
    expect(
      fleetWorkerExecArgv('/x/renderFleet.ts', ['-r', 'ts-node/register']),
    ).toBeUndefined();
    expect(
      fleetWorkerExecArgv('/x/renderFleet.ts', ['--import', 'tsx']),
    ).toBeUndefined();
    expect(
      fleetWorkerExecArgv('/x/renderFleet.ts', ['--inspect', '/x/tsxish.js']),
    ).toEqual(['--inspect', '/x/tsxish.js', '--import', expect.any(String)]);
    expect(fleetWorkerExecArgv('/x/dist/index.cjs.js', [])).toBeUndefined();
  });

  it('works from built JS: one bundled file, plain node, no TypeScript loader', async () => {
    // Bundle like `backstage-cli package build` (third-party packages
    // external, workspace packages built in) with the esbuild tsx ships, then
    // run the bundle in a plain node.
    const esbuild = require(require.resolve('esbuild', {
      paths: [path.dirname(require.resolve('tsx'))],
    }));
    const bundle = path.join(tmp, 'dist/index.cjs.js');
    await esbuild.build({
      entryPoints: [path.resolve(__dirname, '../index.ts')],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      plugins: [
        {
          name: 'third-party-external',
          setup(build: any) {
            build.onResolve({ filter: /^[^./]/ }, (args: any) =>
              args.path.startsWith('@internal/')
                ? undefined
                : { path: args.path, external: true },
            );
          },
        },
      ],
      logLevel: 'silent',
    });
    const specFile = path.join(tmp, 'one/cluster.yaml');
    await fs.mkdir(path.dirname(specFile));
    await fs.writeFile(specFile, stringify(validSpecDoc()));
    const script = `
      const { loadAddonCatalog, renderFleet } = require(${JSON.stringify(
        bundle,
      )});
      const catalog = loadAddonCatalog(${JSON.stringify(DEFAULT_ADDONS_DIR)});
      renderFleet([${JSON.stringify(specFile)}], catalog, { concurrency: 1 })
        .then(({ results }) => console.log(JSON.stringify(results)));`;
    const nodeModules = path.resolve(require.resolve('yaml'), '../../..');
    const run = spawnSync(process.execPath, ['-e', script], {
      encoding: 'utf8',
      env: { ...process.env, NODE_PATH: nodeModules, NODE_OPTIONS: '' },
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    const [result] = JSON.parse(run.stdout);
    const expected = renderClusterRepo(
      parseClusterSpec(validSpecDoc(), {
        ciliumVersions: catalog.ciliumVersions,
      }),
      catalog,
    );
    expect(result).toEqual({
      index: 0,
      source: specFile,
      ok: true,
      name: 'democluster1',
      rootApplicationPath: 'bootstrap/root-app.yaml',
      paths: expected.files.map(f => f.path),
      files: expected.files,
    });
  }, 60_000);
});
