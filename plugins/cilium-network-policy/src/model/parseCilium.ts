/**
 * CiliumNetworkPolicy / CiliumClusterwideNetworkPolicy → model. Field names
 * and defaults per the cilium.io/v2 CRDs (Rule, IngressRule, EgressRule,
 * IngressDenyRule, EgressDenyRule, PortRule, L7Rules).
 */
import type {
  NotEvaluatedRule,
  PolicyDirection,
  PolicyRef,
} from '@internal/plugin-cilium-common';
import { RESERVED_IDENTITY_NAMES } from '@internal/plugin-cilium-common';
import {
  asArray,
  asObject,
  cidrPeer,
  dnsRegex,
  inNamespace,
  PolicyFieldError,
  toPortMatch,
  toSelector,
} from './selectors';
import type { ModelPolicy, ModelRule, PeerMatch, PortRuleModel } from './types';

/** Entities per docs.cilium.io, Policy Language, "Entities Based". */
export const ENTITIES = new Set([
  'all',
  'world',
  'world-ipv4',
  'world-ipv6',
  'cluster',
  'host',
  'remote-node',
  'kube-apiserver',
  'ingress',
  'health',
  'init',
  'unmanaged',
  ...Object.values(RESERVED_IDENTITY_NAMES),
]);

/** Rule fields the model does not evaluate, and what they do to a match. */
const UNMODELLED_PEER = [
  'fromRequires',
  'toRequires',
  'fromGroups',
  'toGroups',
  'toServices',
  'fromNodes',
  'toNodes',
];
const UNMODELLED_WHOLE = ['icmps', 'authentication'];

function parsePorts(
  raw: unknown,
  field: string,
  deny: boolean,
): PortRuleModel[] {
  return asArray(raw, field).map((entry, i) => {
    const f = `${field}[${i}]`;
    const obj = asObject(entry, f);
    const ports: PortRuleModel['ports'] = [];
    let l7: PortRuleModel['l7'];
    asArray(obj.ports, `${f}.ports`).forEach((p, j) => {
      const m = toPortMatch(p, `${f}.ports[${j}]`, 'ANY');
      if ('named' in m) {
        l7 = {
          rule: `${f}.ports[${j}].port`,
          reason: `named port "${m.named}" is not resolved (needs the pod spec)`,
          namedPort: true,
        };
      } else ports.push(m);
    });
    if (ports.length === 0 && !l7) ports.push({ protocol: 'ANY' });
    const out: PortRuleModel = { ports };
    const rules = asObject(obj.rules, `${f}.rules`);
    for (const key of Object.keys(rules).sort()) {
      if (deny)
        throw new PolicyFieldError(
          `${f}.rules`,
          'deny rules cannot hold L7 rules',
        );
      if (key === 'dns') {
        out.dns = asArray(rules.dns, `${f}.rules.dns`).map((d, k) => {
          const dns = asObject(d, `${f}.rules.dns[${k}]`);
          return dnsRegex(
            dns.matchName as string | undefined,
            (dns.matchPattern as string | undefined) ??
              (dns.matchName === undefined ? '*' : undefined),
          );
        });
      } else {
        // docs.cilium.io "Layer 7 Policies": the L7 rule decides per request.
        l7 = {
          rule: `${f}.rules.${key}`,
          reason: `L7 ${key} rules decide per request and are not evaluated`,
        };
      }
    }
    for (const key of [
      'terminatingTLS',
      'originatingTLS',
      'serverNames',
      'listener',
    ]) {
      if (obj[key] !== undefined)
        l7 = { rule: `${f}.${key}`, reason: `${key} is not evaluated` };
    }
    if (l7) out.l7 = l7;
    return out;
  });
}

function parseRule(
  raw: unknown,
  path: string,
  direction: PolicyDirection,
  action: 'allow' | 'deny',
  namespace: string | undefined,
): ModelRule {
  const obj = asObject(raw, path);
  const from = direction === 'ingress' ? 'from' : 'to';
  const peers: PeerMatch[] = [];
  let hasPeerField = false;
  asArray(obj[`${from}Endpoints`], `${path}.${from}Endpoints`).forEach(
    (s, i) => {
      hasPeerField = true;
      // Layer 3 Examples → Endpoints Based: in a namespaced policy, endpoint
      // selectors without a namespace label select the policy's own namespace.
      peers.push({
        kind: 'endpoints',
        selector: inNamespace(
          toSelector(s, `${path}.${from}Endpoints[${i}]`),
          namespace,
        ),
      });
    },
  );
  asArray(obj[`${from}Entities`], `${path}.${from}Entities`).forEach((e, i) => {
    hasPeerField = true;
    if (typeof e !== 'string' || !ENTITIES.has(e)) {
      throw new PolicyFieldError(
        `${path}.${from}Entities[${i}]`,
        `unknown entity "${String(e)}"`,
      );
    }
    peers.push({ kind: 'entity', entity: e });
  });
  asArray(obj[`${from}CIDR`], `${path}.${from}CIDR`).forEach((c, i) => {
    hasPeerField = true;
    peers.push(cidrPeer(c, undefined, `${path}.${from}CIDR[${i}]`));
  });
  let unmodelled: ModelRule['unmodelled'];
  asArray(obj[`${from}CIDRSet`], `${path}.${from}CIDRSet`).forEach((c, i) => {
    hasPeerField = true;
    const f = `${path}.${from}CIDRSet[${i}]`;
    const set = asObject(c, f);
    if (set.cidr === undefined) {
      unmodelled = {
        rule: f,
        reason:
          'CIDR groups (cidrGroupRef/cidrGroupSelector) are not evaluated',
        scope: 'peer',
      };
    } else peers.push(cidrPeer(set.cidr, set.except, `${f}.cidr`));
  });
  if (direction === 'egress') {
    asArray(obj.toFQDNs, `${path}.toFQDNs`).forEach((q, i) => {
      hasPeerField = true;
      const fq = asObject(q, `${path}.toFQDNs[${i}]`);
      const matchName = fq.matchName as string | undefined;
      const matchPattern = fq.matchPattern as string | undefined;
      if (!matchName && !matchPattern) {
        throw new PolicyFieldError(
          `${path}.toFQDNs[${i}]`,
          'needs matchName or matchPattern',
        );
      }
      peers.push({
        kind: 'fqdn',
        matchName,
        matchPattern,
        regex: dnsRegex(matchName, matchPattern),
      });
    });
  }
  for (const key of UNMODELLED_PEER) {
    if (obj[key] !== undefined) {
      hasPeerField = true;
      unmodelled = {
        rule: `${path}.${key}`,
        reason: `${key} is not evaluated`,
        scope: key.endsWith('Requires') ? 'whole' : 'peer',
      };
    }
  }
  for (const key of UNMODELLED_WHOLE) {
    if (obj[key] !== undefined)
      unmodelled = {
        rule: `${path}.${key}`,
        reason: `${key} is not evaluated`,
        scope: 'whole',
      };
  }
  const rule: ModelRule = { path, direction, action };
  if (hasPeerField) rule.peers = peers;
  if (obj.toPorts !== undefined)
    rule.toPorts = parsePorts(
      obj.toPorts,
      `${path}.toPorts`,
      action === 'deny',
    );
  if (unmodelled) rule.unmodelled = unmodelled;
  return rule;
}

/** One Cilium Rule (`spec` or an element of `specs`) → a model subject. */
export function parseCiliumRule(
  raw: unknown,
  path: string,
  ref: PolicyRef,
  namespace: string | undefined,
  notEvaluated: NotEvaluatedRule[],
): ModelPolicy | undefined {
  const spec = asObject(raw, path);
  if (spec.nodeSelector !== undefined) {
    notEvaluated.push({
      policy: ref,
      rule: `${path}.nodeSelector`,
      reason: 'host policies (nodeSelector) are not evaluated',
    });
    return undefined;
  }
  if (spec.endpointSelector === undefined) {
    throw new PolicyFieldError(
      `${path}.endpointSelector`,
      'is required (or nodeSelector)',
    );
  }
  const subject = inNamespace(
    toSelector(spec.endpointSelector, `${path}.endpointSelector`),
    namespace,
  );
  const rules: ModelRule[] = [];
  const sections = [
    ['ingress', 'ingress', 'allow'],
    ['ingressDeny', 'ingress', 'deny'],
    ['egress', 'egress', 'allow'],
    ['egressDeny', 'egress', 'deny'],
  ] as const;
  const has = { ingress: false, egress: false };
  for (const [key, direction, action] of sections) {
    asArray(spec[key], `${path}.${key}`).forEach((r, i) => {
      has[direction] = true;
      const rule = parseRule(
        r,
        `${path}.${key}[${i}]`,
        direction,
        action,
        namespace,
      );
      rules.push(rule);
      const flagged = rule.unmodelled ?? rule.toPorts?.find(p => p.l7)?.l7;
      if (flagged)
        notEvaluated.push({
          policy: ref,
          rule: flagged.rule,
          reason: flagged.reason,
        });
    });
  }
  // CRD `enableDefaultDeny`: defaults to true for each direction that has
  // rules (allow or deny), false otherwise; an explicit false keeps the
  // endpoint default-allow for that direction (Policy Enforcement Modes).
  const dd = asObject(spec.enableDefaultDeny, `${path}.enableDefaultDeny`);
  const defaultDeny = {
    ingress: has.ingress && dd.ingress !== false,
    egress: has.egress && dd.egress !== false,
  };
  return { ref, namespace, subject, defaultDeny, selects: has, rules };
}
