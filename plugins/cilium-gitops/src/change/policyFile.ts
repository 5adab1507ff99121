/**
 * The policies of `cilium-gitops change --policies <file>`: a YAML file of one
 * or more documents, or a JSON file; each document a CiliumNetworkPolicy, a
 * list of them, or a `List`/`CiliumNetworkPolicyList` with `items` (what
 * `kubectl get cnp -o yaml` prints). Only the shape of the file is checked
 * here; the policies themselves by `policies.ts`.
 */
import { parseAllDocuments } from 'yaml';
import { ChangeError } from './ChangeError';

function itemsOf(doc: unknown): unknown[] {
  if (Array.isArray(doc)) return doc;
  const items = (doc as { items?: unknown } | null)?.items;
  const kind = (doc as { kind?: unknown } | null)?.kind;
  if (typeof kind === 'string' && kind.endsWith('List') && Array.isArray(items))
    return items;
  return [doc];
}

/** The documents of `text` (YAML is a superset of JSON) as a flat list. */
export function readPolicyFile(text: string, name: string): unknown[] {
  const docs = parseAllDocuments(text);
  const errors = docs.flatMap(d => d.errors);
  if (errors.length)
    throw new ChangeError([
      {
        path: name,
        message: `is not valid YAML or JSON: ${
          errors[0].message.split('\n')[0]
        }`,
      },
    ]);
  return docs
    .map(d => d.toJS())
    .filter(d => d !== null && d !== undefined)
    .flatMap(itemsOf);
}
