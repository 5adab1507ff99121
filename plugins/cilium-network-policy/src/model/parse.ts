import type {
  NotEvaluatedRule,
  PolicyRef,
} from '@internal/plugin-cilium-common';
import { parseCiliumRule } from './parseCilium';
import { parseNetworkPolicy } from './parseKubernetes';
import { asArray, asObject, PolicyFieldError } from './selectors';
import type { ModelPolicy, PolicyModel } from './types';

const KINDS = [
  'CiliumNetworkPolicy',
  'CiliumClusterwideNetworkPolicy',
  'NetworkPolicy',
];

function refOf(obj: Record<string, unknown>): PolicyRef {
  const meta = asObject(obj.metadata, 'metadata');
  const ref: PolicyRef = {
    name: String(meta.name ?? ''),
    kind: String(obj.kind ?? ''),
  };
  if (
    typeof meta.namespace === 'string' &&
    obj.kind !== 'CiliumClusterwideNetworkPolicy'
  ) {
    ref.namespace = meta.namespace;
  }
  return ref;
}

/** Policies selecting endpoints of a namespace: key '' holds the clusterwide ones. */
export function indexByNamespace(
  policies: ModelPolicy[],
): Map<string, ModelPolicy[]> {
  const index = new Map<string, ModelPolicy[]>();
  for (const p of policies) {
    const key = p.namespace ?? '';
    const list = index.get(key);
    if (list) list.push(p);
    else index.set(key, [p]);
  }
  return index;
}

/**
 * Reads CiliumNetworkPolicy, CiliumClusterwideNetworkPolicy and Kubernetes
 * NetworkPolicy objects (as the Kubernetes API returns them) into the model.
 * Objects of other kinds, malformed objects (naming the field and rule) and
 * rules it does not model are listed in `notEvaluated`; a malformed object
 * is left out whole, never half-read.
 */
export function policiesFromObjects(objects: unknown[]): PolicyModel {
  const policies: ModelPolicy[] = [];
  const notEvaluated: NotEvaluatedRule[] = [];
  objects.forEach((raw, i) => {
    let ref: PolicyRef = { name: `objects[${i}]` };
    const own: NotEvaluatedRule[] = [];
    try {
      const obj = asObject(raw, `objects[${i}]`);
      ref = refOf(obj);
      if (!KINDS.includes(String(obj.kind))) {
        notEvaluated.push({
          policy: ref,
          rule: 'kind',
          reason: `kind "${String(
            obj.kind,
          )}" is not a network policy kind the evaluator reads`,
        });
        return;
      }
      if (!ref.name) throw new PolicyFieldError('metadata.name', 'is required');
      if (obj.kind !== 'CiliumClusterwideNetworkPolicy' && !ref.namespace) {
        throw new PolicyFieldError(
          'metadata.namespace',
          `is required for a ${obj.kind}`,
        );
      }
      const found: ModelPolicy[] = [];
      if (obj.kind === 'NetworkPolicy') {
        found.push(
          parseNetworkPolicy(
            asObject(obj.spec, 'spec'),
            ref,
            ref.namespace!,
            own,
          ),
        );
      } else {
        if (obj.spec !== undefined) {
          const p = parseCiliumRule(obj.spec, 'spec', ref, ref.namespace, own);
          if (p) found.push(p);
        }
        asArray(obj.specs, 'specs').forEach((s, j) => {
          const p = parseCiliumRule(s, `specs[${j}]`, ref, ref.namespace, own);
          if (p) found.push(p);
        });
        if (obj.spec === undefined && obj.specs === undefined) {
          throw new PolicyFieldError('spec', 'is required (or specs)');
        }
      }
      policies.push(...found);
      notEvaluated.push(...own);
    } catch (e) {
      if (!(e instanceof PolicyFieldError)) throw e;
      notEvaluated.push({
        policy: ref,
        rule: e.field,
        reason: `policy not evaluated: ${e.message}`,
      });
    }
  });
  return { policies, notEvaluated, byNamespace: indexByNamespace(policies) };
}
