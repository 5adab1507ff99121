import type { ClusterRenderer } from '../lib/clusterRenderer';
import type { SpecIssueLike } from '../lib/specIssues';

export const fakeFiles = [
  { path: 'README.md', content: '# democluster1\n' },
  { path: 'apps/cilium.yaml', content: 'kind: Application\n' },
  { path: 'apps/root.yaml', content: 'kind: Application\n' },
  { path: 'catalog-info.yaml', content: 'kind: Resource\n' },
  { path: 'cluster.yaml', content: 'kind: ClusterSpec\n' },
  { path: 'values/cilium.yaml', content: 'cluster:\n  name: democluster1\n' },
];

/**
 * A renderer that accepts any document with a `metadata.name` (or reports
 * `issues` when given) and renders {@link fakeFiles}. Records what it saw.
 */
export function fakeRenderer(
  options: { issues?: SpecIssueLike[]; files?: typeof fakeFiles } = {},
) {
  const seen: unknown[] = [];
  const renderer: ClusterRenderer = {
    async validate(doc) {
      seen.push(doc);
      if (options.issues) {
        return { ok: false, issues: options.issues };
      }
      const spec = doc as any;
      return {
        ok: true,
        spec: {
          ...spec,
          spec: { ...spec.spec, cilium: { version: '1.20.3' } },
        },
      };
    },
    async render() {
      return {
        files: options.files ?? fakeFiles,
        rootApplicationPath: 'apps/root.yaml',
      };
    },
  };
  return { renderer, seen };
}
