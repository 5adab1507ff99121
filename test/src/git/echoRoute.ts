import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';

/** The rendered example repositories, `gitops/examples/<cluster>/repo`. */
export const EXAMPLES_DIR = path.resolve(
  require.resolve('@internal/cilium-test-servers/package.json'),
  '../../gitops/examples',
);

/** Path of the echo demo's HTTPRoute in a rendered repository. */
export const ECHO_ROUTE_FILE = 'manifests/echo/httproute-echo.yaml';

/**
 * The example cluster's rendered echo HTTPRoute with other backend
 * weights (in backend order, e.g. `[50, 50]`): what a traffic-split change
 * commits. Comments and key order are kept.
 */
export function echoRouteYaml(cluster: string, weights: number[]): string {
  const file = path.join(EXAMPLES_DIR, cluster, 'repo', ECHO_ROUTE_FILE);
  const doc = parseDocument(fs.readFileSync(file, 'utf8'));
  weights.forEach((w, i) =>
    doc.setIn(['spec', 'rules', 0, 'backendRefs', i, 'weight'], w),
  );
  return doc.toString();
}
