import { loadAddonCatalog } from '../catalog';
import { renderClusterRepo } from '../render';
import { MANIFEST_PATH, repoTree } from '../render/manifest';
import { validSpecDoc } from '../spec/__fixtures__/validSpec';
import { parseClusterSpec } from '../spec/parse';
import { planChange } from './plan';

describe('planChange and the render manifest', () => {
  const catalog = loadAddonCatalog();
  const spec = parseClusterSpec(validSpecDoc(), {
    ciliumVersions: catalog.ciliumVersions,
  });
  const tree = repoTree(renderClusterRepo(spec, catalog), spec.metadata.name);

  it('keeps a published manifest listing what is rendered after the change', () => {
    const files = new Map(tree.map(f => [f.path, f.content]));
    expect(files.get(MANIFEST_PATH)).toContain('apps/jobs-app.yaml');
    const plan = planChange(
      files,
      { kind: 'addon', name: 'jobsApp', enabled: false },
      { catalog },
    );
    const manifest = plan.writes.get(MANIFEST_PATH);
    expect(manifest).toBeDefined();
    expect(manifest).not.toContain('jobs-app');
    expect(JSON.parse(manifest!).files).toEqual(
      plan.repo!.files.map(f => f.path).sort(),
    );
  });

  it('adds no manifest to a repository that has none', () => {
    const files = new Map(
      tree.filter(f => f.path !== MANIFEST_PATH).map(f => [f.path, f.content]),
    );
    const plan = planChange(
      files,
      { kind: 'addon', name: 'jobsApp', enabled: false },
      { catalog },
    );
    expect(plan.writes.has(MANIFEST_PATH)).toBe(false);
  });
});
