import { parseAllDocuments } from 'yaml';
import { BackendWeight } from '@internal/plugin-cilium-common';
import { RepoFile } from './types';
import { ruleWeights } from './routeWeights';

/** An HTTPRoute as the repository's head declares it. */
export interface GitHttpRoute {
  /** Undefined when the manifest leaves it to the Application's destination. */
  namespace?: string;
  name: string;
  file: string;
  rules: BackendWeight[][];
}

const GATEWAY_API_GROUP = 'gateway.networking.k8s.io/';

/**
 * Every HTTPRoute in the repository's YAML files (multi-document files
 * too), parsed with `yaml`. A file that does not parse is skipped: it is
 * not an HTTPRoute Argo CD could apply either. Files under `bootstrap/`
 * hold install-time objects, not Argo CD's.
 */
export function httpRoutesFromGit(files: RepoFile[]): GitHttpRoute[] {
  const routes: GitHttpRoute[] = [];
  for (const file of files) {
    if (!/kind:\s*["']?HTTPRoute\b/.test(file.text)) continue;
    for (const doc of parseAllDocuments(file.text)) {
      if (!('errors' in doc) || doc.errors.length > 0) continue;
      const obj = doc.toJS() as any;
      if (
        obj?.kind !== 'HTTPRoute' ||
        typeof obj.apiVersion !== 'string' ||
        !obj.apiVersion.startsWith(GATEWAY_API_GROUP) ||
        typeof obj.metadata?.name !== 'string'
      ) {
        continue;
      }
      const namespace =
        typeof obj.metadata.namespace === 'string'
          ? obj.metadata.namespace
          : undefined;
      routes.push({
        namespace,
        name: obj.metadata.name,
        file: file.path,
        rules: ruleWeights(obj.spec, namespace ?? ''),
      });
    }
  }
  return routes;
}
