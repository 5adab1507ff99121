/**
 * Kubernetes NetworkPolicy (networking.k8s.io/v1) → model, per the
 * Kubernetes "Network Policies" concept page and API reference: podSelector
 * in the policy's namespace; `policyTypes` defaults to Ingress plus Egress
 * when `egress` is set; a selected direction without matching rules denies;
 * an empty `from`/`to` allows every peer, empty `ports` every port;
 * namespaceSelector/podSelector/ipBlock peers; ports default to TCP.
 * Cilium enforces it like a CNP (deny policies doc: deny rules override it).
 */
import type {
  NotEvaluatedRule,
  PolicyDirection,
  PolicyRef,
} from '@internal/plugin-cilium-common';
import { NAMESPACE_KEY } from './labels';
import {
  asArray,
  asObject,
  cidrPeer,
  PolicyFieldError,
  toPortMatch,
  toSelector,
} from './selectors';
import type {
  ModelPolicy,
  ModelRule,
  PeerMatch,
  PortMatch,
  PortRuleModel,
  Selector,
} from './types';

/** Namespace labels as Cilium adds them to identities. */
const NS_LABEL_PREFIX = 'io.cilium.k8s.namespace.labels.';

function namespaceSelector(raw: unknown, field: string): Selector {
  const sel = toSelector(raw, field);
  return {
    requirements: [
      { source: 'k8s', key: NAMESPACE_KEY, operator: 'Exists', values: [] },
      ...sel.requirements.map(r =>
        r.key === 'kubernetes.io/metadata.name'
          ? { ...r, source: 'k8s', key: NAMESPACE_KEY }
          : { ...r, source: 'k8s', key: NS_LABEL_PREFIX + r.key },
      ),
    ],
  };
}

function parsePeer(raw: unknown, field: string, namespace: string): PeerMatch {
  const obj = asObject(raw, field);
  if (obj.ipBlock !== undefined) {
    const block = asObject(obj.ipBlock, `${field}.ipBlock`);
    return cidrPeer(block.cidr, block.except, `${field}.ipBlock.cidr`);
  }
  if (obj.podSelector === undefined && obj.namespaceSelector === undefined) {
    throw new PolicyFieldError(
      field,
      'needs podSelector, namespaceSelector or ipBlock',
    );
  }
  const pods =
    obj.podSelector !== undefined
      ? toSelector(obj.podSelector, `${field}.podSelector`, 'k8s:')
      : { requirements: [] };
  const ns =
    obj.namespaceSelector !== undefined
      ? namespaceSelector(obj.namespaceSelector, `${field}.namespaceSelector`)
      : {
          requirements: [
            {
              source: 'k8s',
              key: NAMESPACE_KEY,
              operator: 'In' as const,
              values: [namespace],
            },
          ],
        };
  return {
    kind: 'endpoints',
    selector: { requirements: [...pods.requirements, ...ns.requirements] },
  };
}

export function parseNetworkPolicy(
  spec: Record<string, unknown>,
  ref: PolicyRef,
  namespace: string,
  notEvaluated: NotEvaluatedRule[],
): ModelPolicy {
  const subject = toSelector(spec.podSelector, 'spec.podSelector', 'k8s:');
  subject.requirements.push({
    source: 'k8s',
    key: NAMESPACE_KEY,
    operator: 'In',
    values: [namespace],
  });
  const types = asArray(spec.policyTypes, 'spec.policyTypes').map(String);
  const defaultTypes =
    spec.egress !== undefined ? ['Ingress', 'Egress'] : ['Ingress'];
  const policyTypes = types.length > 0 ? types : defaultTypes;
  const rules: ModelRule[] = [];
  for (const [direction, key, peersKey] of [
    ['ingress', 'ingress', 'from'],
    ['egress', 'egress', 'to'],
  ] as [PolicyDirection, string, string][]) {
    if (!policyTypes.includes(direction === 'ingress' ? 'Ingress' : 'Egress'))
      continue;
    asArray(spec[key], `spec.${key}`).forEach((r, i) => {
      const path = `spec.${key}[${i}]`;
      const obj = asObject(r, path);
      const rawPeers = asArray(obj[peersKey], `${path}.${peersKey}`);
      const peers: PeerMatch[] =
        rawPeers.length === 0
          ? [{ kind: 'entity', entity: 'all' }]
          : rawPeers.map((p, j) =>
              parsePeer(p, `${path}.${peersKey}[${j}]`, namespace),
            );
      const rule: ModelRule = { path, direction, action: 'allow', peers };
      const ports: PortMatch[] = [];
      let l7: PortRuleModel['l7'];
      asArray(obj.ports, `${path}.ports`).forEach((p, j) => {
        const m = toPortMatch(p, `${path}.ports[${j}]`, 'TCP');
        if ('named' in m) {
          l7 = {
            rule: `${path}.ports[${j}].port`,
            reason: `named port "${m.named}" is not resolved (needs the pod spec)`,
            namedPort: true,
          };
          notEvaluated.push({ policy: ref, rule: l7.rule, reason: l7.reason });
        } else ports.push(m);
      });
      if (ports.length > 0) rule.toPorts = [{ ports }];
      if (l7) rule.toPorts = [...(rule.toPorts ?? []), { ports: [], l7 }];
      rules.push(rule);
    });
  }
  const has = {
    ingress: policyTypes.includes('Ingress'),
    egress: policyTypes.includes('Egress'),
  };
  return {
    ref,
    namespace,
    subject,
    defaultDeny: { ...has },
    selects: has,
    rules,
  };
}
