import { parse } from 'yaml';
import { loadAddonCatalog } from '../catalog';
import { ClusterSpecError } from '../spec/errors';
import { exampleClusterSpecDocument } from '../spec/example';
import { parseClusterSpec } from '../spec/parse';
import { renderClusterRepo } from './index';

const catalog = loadAddonCatalog();

function specWith(splits: unknown) {
  const doc: any = exampleClusterSpecDocument();
  doc.spec.traffic = { splits };
  return parseClusterSpec(doc, { ciliumVersions: catalog.ciliumVersions });
}

function echoWeights(splits: unknown): number[] {
  const repo = renderClusterRepo(specWith(splits), catalog);
  const file = repo.files.find(f =>
    /^manifests\/echo\/.*httproute.*echo\.yaml$/i.test(f.path),
  );
  if (!file) throw new Error(repo.files.map(f => f.path).join('\n'));
  return parse(file.content).spec.rules[0].backendRefs.map(
    (r: any) => r.weight,
  );
}

function issuesOf(splits: unknown): string[] {
  try {
    renderClusterRepo(specWith(splits), catalog);
  } catch (e) {
    if (e instanceof ClusterSpecError)
      return e.issues.map(i => `${i.path}: ${i.message}`);
    throw e;
  }
  return [];
}

describe('spec.traffic.splits in the render', () => {
  it('keeps the echo route at its default 100/0 without a split', () => {
    expect(echoWeights([])).toEqual([100, 0]);
  });

  it('writes the split weights into the echo HTTPRoute', () => {
    expect(
      echoWeights([
        { route: 'echo/echo', backends: { 'echo-1': 50, 'echo-2': 50 } },
      ]),
    ).toEqual([50, 50]);
    expect(
      echoWeights([{ route: 'echo/echo', backends: { 'echo-2': 1000000 } }]),
    ).toEqual([100, 1000000]);
  });

  it('lists the rendered routes with their weights', () => {
    const repo = renderClusterRepo(
      specWith([
        { route: 'echo/echo', backends: { 'echo-1': 0, 'echo-2': 7 } },
      ]),
      catalog,
    );
    expect(repo.routes?.find(r => r.route === 'echo/echo')).toEqual({
      route: 'echo/echo',
      backends: ['echo-1', 'echo-2'],
      weights: { 'echo-1': 0, 'echo-2': 7 },
    });
    expect(repo.routes?.map(r => r.route)).toContain(
      'bookinfo/bookinfo-details',
    );
  });

  it('applies to any rendered HTTPRoute, e.g. bookinfo', () => {
    const repo = renderClusterRepo(
      specWith([
        { route: 'bookinfo/bookinfo-details', backends: { details: 3 } },
      ]),
      catalog,
    );
    expect(
      repo.routes?.find(r => r.route === 'bookinfo/bookinfo-details')?.weights,
    ).toEqual({ details: 3 });
  });

  it('names the field of a route that is not rendered', () => {
    expect(issuesOf([{ route: 'echo/nope', backends: { a: 1 } }])).toEqual([
      expect.stringMatching(
        /^spec\.traffic\.splits\[0\]\.route: echo\/nope is not an HTTPRoute of this cluster \(rendered HTTPRoutes: .*echo\/echo/,
      ),
    ]);
  });

  it('names the field of a backend the route does not have', () => {
    expect(
      issuesOf([
        { route: 'echo/echo', backends: { 'echo-1': 1, 'echo-3': 1 } },
      ]),
    ).toEqual([
      'spec.traffic.splits[0].backends.echo-3: is not a backend of HTTPRoute echo/echo (its backends: echo-1, echo-2)',
    ]);
  });

  it('refuses all-zero weights in the spec already, naming the field', () => {
    expect(() =>
      specWith([
        { route: 'echo/echo', backends: { 'echo-1': 0, 'echo-2': 0 } },
      ]),
    ).toThrow(/spec\.traffic\.splits\[0\]\.backends: weights are all 0/);
  });
});
