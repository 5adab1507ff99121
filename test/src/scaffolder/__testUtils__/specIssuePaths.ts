import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { loadAddonCatalog, validateClusterSpec } from '@internal/cilium-gitops';
import { REPO_ROOT } from './dryRunBackend';

const catalog = loadAddonCatalog();
const baseSpec = yaml.parse(
  fs.readFileSync(
    path.join(REPO_ROOT, 'gitops/examples/democluster1/cluster.yaml'),
    'utf8',
  ),
);

/**
 * Issue paths of the democluster1 spec with the field `specPath` (e.g.
 * `spec.bgp.peers[0].asn`) set to `value`; missing parents are created.
 */
export function specIssuePaths(specPath: string, value: unknown): string[] {
  const spec = structuredClone(baseSpec);
  const keys = specPath.replace(/\[(\d+)\]/g, '.$1').split('.');
  let node = spec;
  for (const key of keys.slice(0, -1)) node = node[key] ??= {};
  node[keys[keys.length - 1]] = value;
  const result = validateClusterSpec(spec, {
    ciliumVersions: catalog.ciliumVersions,
  });
  return result.ok ? [] : result.issues.map(i => i.path);
}
