/** Does one model rule match a peer and an L4 tuple? `maybe` when an unmodelled part decides. */
import { cidrContains } from '../model/cidr';
import { matchesSelector } from '../model/labels';
import type {
  ModelPolicy,
  ModelRule,
  PeerMatch,
  PortMatch,
} from '../model/types';
import { isWorld, matchesEntity, type PreparedEndpoint } from './endpoint';

export type Match = 'match' | 'maybe' | 'no';

export interface FlowL4 {
  protocol?: string;
  port?: number;
  dnsQuery?: string;
}

export interface MatchContext {
  peer: PreparedEndpoint;
  l4: FlowL4;
  /** Policies selecting the subject in this direction (toFQDNs needs their DNS rules). */
  selecting: ModelPolicy[];
}

function min(a: Match, b: Match): Match {
  if (a === 'no' || b === 'no') return 'no';
  if (a === 'maybe' || b === 'maybe') return 'maybe';
  return 'match';
}

/**
 * "DNS based": toFQDNs only learns IPs from DNS answers the DNS proxy saw,
 * so an egress rule with `rules.dns` matching the name must select the same
 * endpoint (usually toward kube-dns on port 53).
 */
function dnsVisible(name: string, selecting: ModelPolicy[]): boolean {
  return selecting.some(p =>
    p.rules.some(
      r =>
        r.direction === 'egress' &&
        r.action === 'allow' &&
        r.toPorts?.some(tp => tp.dns?.some(re => re.test(name))),
    ),
  );
}

function peerMatches(m: PeerMatch, ctx: MatchContext): boolean {
  const peer = ctx.peer;
  switch (m.kind) {
    case 'endpoints':
      // An endpoint selector selects Cilium endpoints by identity labels; a
      // `reserved:` requirement can select a reserved identity.
      if (
        peer.namespace === undefined &&
        !m.selector.requirements.some(r => r.source === 'reserved')
      )
        return false;
      return matchesSelector(peer.labels, m.selector);
    case 'entity':
      return matchesEntity(m.entity, peer);
    case 'cidr':
      // "Layer 3 Examples" → "IP/CIDR based": CIDR rules apply to peers
      // outside the cluster; `except` carves prefixes out.
      if (!isWorld(peer) || !peer.ip) return false;
      return (
        cidrContains(m.parsed, peer.ip) &&
        !m.parsedExcept.some(e => cidrContains(e, peer.ip!))
      );
    case 'fqdn':
      if (peer.namespace !== undefined) return false;
      return peer.names.some(
        n => m.regex.test(n) && dnsVisible(n, ctx.selecting),
      );
    default:
      return false;
  }
}

function portMatches(p: PortMatch, l4: FlowL4): boolean {
  const proto = l4.protocol;
  if (proto !== 'TCP' && proto !== 'UDP' && proto !== 'SCTP') return false;
  if (p.protocol !== 'ANY' && p.protocol !== proto) return false;
  if (p.port === undefined) return true;
  if (l4.port === undefined) return false;
  return p.endPort === undefined
    ? l4.port === p.port
    : l4.port >= p.port && l4.port <= p.endPort;
}

function portsResult(rule: ModelRule, l4: FlowL4): Match {
  if (!rule.toPorts) return 'match';
  let best: 'maybe' | 'no' = 'no';
  for (const tp of rule.toPorts) {
    if (!tp.ports.some(p => portMatches(p, l4))) {
      if (tp.l7?.namedPort) best = 'maybe';
      continue;
    }
    if (tp.l7) best = 'maybe';
    else if (tp.dns && !tp.dns.some(re => re.source === '^.+$')) {
      // DNS proxy filters queries: decided only when the flow shows the query.
      if (l4.dnsQuery === undefined) best = 'maybe';
      else if (tp.dns.some(re => re.test(l4.dnsQuery!))) return 'match';
    } else return 'match';
  }
  return best;
}

export function ruleMatch(rule: ModelRule, ctx: MatchContext): Match {
  let peer: Match;
  if (rule.peers === undefined) {
    // A rule with only toPorts applies to every peer; an empty rule `{}`
    // names no peer and allows nothing (it only turns on default-deny).
    if (rule.toPorts) peer = 'match';
    else peer = rule.unmodelled ? 'maybe' : 'no';
  } else if (rule.peers.some(m => peerMatches(m, ctx))) peer = 'match';
  else peer = rule.unmodelled?.scope === 'peer' ? 'maybe' : 'no';
  if (peer === 'no') return 'no';
  const result = min(peer, portsResult(rule, ctx.l4));
  if (result !== 'no' && rule.unmodelled?.scope === 'whole') return 'maybe';
  return result;
}
