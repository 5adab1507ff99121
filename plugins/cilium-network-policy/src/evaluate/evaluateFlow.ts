/**
 * The verdict of one flow, per direction, following docs.cilium.io:
 * - "Policy Enforcement Modes" (default mode): an endpoint is default-allow
 *   in a direction until a policy selecting it has rules for that direction
 *   (and does not set `enableDefaultDeny.<direction>: false`, CRD field).
 * - "Deny Policies": deny rules take precedence over every allow rule, from
 *   CNP, CCNP or Kubernetes NetworkPolicy.
 * - Replies of an allowed connection are not subject to policy (connection
 *   tracking), so `isReply: true` flows are allowed in both directions.
 * Egress is decided at the source endpoint, ingress at the destination.
 */
import type {
  FlowRecord,
  PolicyDirection,
} from '@internal/plugin-cilium-common';
import type {
  DecidingRule,
  DirectionVerdict,
  FlowVerdict,
  ModelPolicy,
  PolicyModel,
} from '../model/types';
import { matchesSelector } from '../model/labels';
import { prepareEndpoint, type PreparedEndpoint } from './endpoint';
import { ruleMatch, type FlowL4, type MatchContext } from './ruleMatch';

export interface EvaluateOptions {
  /** Evaluate as if this namespace had default-deny in these directions. */
  forceDefaultDeny?: { namespace: string; ingress: boolean; egress: boolean };
}

/**
 * Per-model caches: Cilium computes policy per identity, so the selecting
 * policies of a label set and the verdict of an identity pair + L4 tuple
 * are computed once per model (models are immutable).
 */
interface ModelCache {
  selecting: Map<string, ModelPolicy[]>;
  verdicts: Map<string, DirectionVerdict>;
}
const caches = new WeakMap<PolicyModel, ModelCache>();
const CACHE_LIMIT = 200_000;

function cacheOf(model: PolicyModel): ModelCache {
  let c = caches.get(model);
  if (!c) {
    c = { selecting: new Map(), verdicts: new Map() };
    caches.set(model, c);
  }
  if (c.verdicts.size >= CACHE_LIMIT) c.verdicts.clear();
  return c;
}

/** Policies selecting `subject` for `direction` (namespace index, then labels). */
export function selectingPolicies(
  model: PolicyModel,
  subject: PreparedEndpoint,
  direction?: PolicyDirection,
): ModelPolicy[] {
  if (subject.namespace === undefined) return [];
  const cache = cacheOf(model).selecting;
  const key = `${direction ?? ''}|${subject.key}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const found = selectUncached(model, subject, direction);
  cache.set(key, found);
  return found;
}

function selectUncached(
  model: PolicyModel,
  subject: PreparedEndpoint,
  direction?: PolicyDirection,
): ModelPolicy[] {
  if (subject.namespace === undefined) return [];
  const out: ModelPolicy[] = [];
  for (const list of [
    model.byNamespace.get(subject.namespace),
    model.byNamespace.get(''),
  ]) {
    if (!list) continue;
    for (const p of list) {
      if (direction && !p.selects[direction]) continue;
      if (matchesSelector(subject.labels, p.subject)) out.push(p);
    }
  }
  return out;
}

function decide(
  model: PolicyModel,
  direction: PolicyDirection,
  subject: PreparedEndpoint,
  peer: PreparedEndpoint,
  l4: FlowL4,
  options: EvaluateOptions,
): DirectionVerdict {
  if (subject.namespace === undefined)
    return { verdict: 'allowed', reason: 'not-an-endpoint' };
  const forcedKey = options.forceDefaultDeny
    ? `${options.forceDefaultDeny.namespace}:${options.forceDefaultDeny.ingress}:${options.forceDefaultDeny.egress}`
    : '';
  const key = `${direction}|${subject.key}|${peer.key}|${l4.protocol}|${
    l4.port
  }|${l4.dnsQuery ?? ''}|${forcedKey}`;
  const verdicts = cacheOf(model).verdicts;
  const hit = verdicts.get(key);
  if (hit) return hit;
  // Shared through the cache: frozen so no caller can change another's verdict.
  const verdict = Object.freeze(
    decideUncached(model, direction, subject, peer, l4, options),
  );
  verdicts.set(key, verdict);
  return verdict;
}

function decideUncached(
  model: PolicyModel,
  direction: PolicyDirection,
  subject: PreparedEndpoint,
  peer: PreparedEndpoint,
  l4: FlowL4,
  options: EvaluateOptions,
): DirectionVerdict {
  const selecting = selectingPolicies(model, subject, direction);
  const forced = options.forceDefaultDeny;
  const defaultDeny =
    (forced !== undefined &&
      forced.namespace === subject.namespace &&
      forced[direction]) ||
    selecting.some(p => p.defaultDeny[direction]);
  const ctx: MatchContext = { peer, l4, selecting };
  let maybeDeny: DirectionVerdict | undefined;
  let allow: DecidingRule | undefined;
  let maybeAllow: DirectionVerdict | undefined;
  for (const action of ['deny', 'allow'] as const) {
    for (const p of selecting) {
      for (const rule of p.rules) {
        if (rule.direction !== direction || rule.action !== action) continue;
        const m = ruleMatch(rule, ctx);
        if (m === 'no') continue;
        const at = { policy: p.ref, path: rule.path };
        if (m === 'match') {
          if (action === 'deny')
            return { verdict: 'denied', reason: 'deny-rule', rule: at };
          allow ??= at;
        } else {
          const unmodelled =
            rule.unmodelled ?? rule.toPorts?.find(tp => tp.l7)?.l7;
          const v: DirectionVerdict = {
            verdict: 'not-evaluated',
            reason: 'unmodelled-rule',
            rule: { policy: p.ref, path: unmodelled?.rule ?? rule.path },
            detail:
              unmodelled?.reason ??
              'the rule depends on data the flow does not carry',
          };
          if (action === 'deny') maybeDeny ??= v;
          else maybeAllow ??= v;
        }
      }
    }
  }
  if (maybeDeny) return maybeDeny;
  if (allow) return { verdict: 'allowed', reason: 'allow-rule', rule: allow };
  if (maybeAllow) return maybeAllow;
  return defaultDeny
    ? { verdict: 'denied', reason: 'default-deny' }
    : { verdict: 'allowed', reason: 'default-allow' };
}

export function flowL4(flow: FlowRecord): FlowL4 {
  return {
    protocol: flow.l4?.protocol,
    port: flow.l4?.destinationPort,
    dnsQuery: flow.l7?.dns?.query?.toLowerCase().replace(/\.$/, ''),
  };
}

const REPLY: DirectionVerdict = Object.freeze({
  verdict: 'allowed',
  reason: 'reply',
});

/** The verdict of one direction only (egress at the source, ingress at the destination). */
export function evaluateDirection(
  model: PolicyModel,
  flow: FlowRecord,
  direction: PolicyDirection,
  options: EvaluateOptions = {},
): DirectionVerdict {
  if (flow.isReply === true) return REPLY;
  const source = prepareEndpoint(flow.source);
  const destination = prepareEndpoint(flow.destination);
  return direction === 'egress'
    ? decide(model, 'egress', source, destination, flowL4(flow), options)
    : decide(model, 'ingress', destination, source, flowL4(flow), options);
}

/** Ingress (at the destination) and egress (at the source) verdicts of one flow. */
export function evaluateFlow(
  model: PolicyModel,
  flow: FlowRecord,
  options: EvaluateOptions = {},
): FlowVerdict {
  if (flow.isReply === true) {
    return { ingress: REPLY, egress: REPLY };
  }
  const source = prepareEndpoint(flow.source);
  const destination = prepareEndpoint(flow.destination);
  const l4 = flowL4(flow);
  return {
    egress: decide(model, 'egress', source, destination, l4, options),
    ingress: decide(model, 'ingress', destination, source, l4, options),
  };
}
