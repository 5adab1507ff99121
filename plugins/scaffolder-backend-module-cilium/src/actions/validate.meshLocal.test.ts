import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yaml from 'yaml';
import { createClusterRenderer } from '../lib/clusterRenderer';
import { publishedClusterRepo } from '../__testUtils__/clusterRepo';
import { mockContext } from '../__testUtils__/mockContext';
import { exampleClusterSpec } from './exampleSpec';
import { createValidateAction } from './validate';

const EXAMPLES = path.resolve(__dirname, '../../../../gitops/examples');
const democluster2 = yaml.parse(
  fs.readFileSync(path.join(EXAMPLES, 'democluster2', 'cluster.yaml'), 'utf8'),
);

/**
 * The template's validate step needs no extra input: a new cluster's peers
 * that were published with cilium:publish:local are read from their
 * repositories' cluster.yaml and checked like `cilium-gitops validate-mesh`.
 */
describe('cilium:cluster:validate against published peers (Cluster Mesh preflight)', () => {
  let root: string;
  let action: ReturnType<typeof createValidateAction>;
  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'cilium-mesh-local-'));
    const { config } = await publishedClusterRepo(
      root,
      doc => Object.assign(doc, structuredClone(democluster2)),
      'democluster2',
    );
    action = createValidateAction({
      renderer: createClusterRenderer(),
      localReposDir: config.baseDir,
    });
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  const run = (spec: Record<string, any>) => {
    const ctx = mockContext({ input: { spec } });
    return { ctx, done: action.handler(ctx) };
  };

  it('passes democluster1 against the published democluster2 and says so', async () => {
    const { ctx, done } = run(exampleClusterSpec);
    await expect(done).resolves.toBeUndefined();
    expect(ctx.logger.info).toHaveBeenCalledWith(
      'Cluster Mesh preflight passed with democluster2',
    );
  });

  it('refuses a duplicate cluster id, naming both clusters, the field and the peer repository', async () => {
    const spec = structuredClone(exampleClusterSpec);
    spec.spec.clusterId = 2;
    await expect(run(spec).done).rejects.toThrow(
      'spec.clusterId: democluster1 and its peer democluster2 (democluster2.git:cluster.yaml) both have cluster id 2; ids must be unique in a mesh',
    );
  });

  it('says which peers it could not check when their repository is not there', async () => {
    const spec = structuredClone(exampleClusterSpec);
    spec.spec.clusterMesh.peers = ['democluster9'];
    spec.spec.clusterMesh.peerIPs = {};
    const { ctx, done } = run(spec);
    await expect(done).resolves.toBeUndefined();
    expect(ctx.logger.info).toHaveBeenCalledWith(
      'No spec found for peer(s) democluster9: their side of the mesh was not checked',
    );
  });
});
