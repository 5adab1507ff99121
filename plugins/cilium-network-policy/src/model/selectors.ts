/** Converting Kubernetes-style label selectors and Cilium peer fields into the model. */
import { parseCidr } from './cidr';
import { NAMESPACE_KEY, splitSource } from './labels';
import type { LabelRequirement, PeerMatch, PortMatch, Selector } from './types';

/** Thrown for a malformed field; the caller reports it as "not evaluated". */
export class PolicyFieldError extends Error {
  constructor(readonly field: string, reason: string) {
    super(`${field}: ${reason}`);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function asObject(v: unknown, field: string): Record<string, unknown> {
  if (v === undefined || v === null) return {};
  if (!isObject(v)) throw new PolicyFieldError(field, 'must be an object');
  return v;
}

export function asArray(v: unknown, field: string): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new PolicyFieldError(field, 'must be a list');
  return v;
}

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const;

/** `{matchLabels, matchExpressions}` → ANDed requirements (Kubernetes LabelSelector). */
export function toSelector(
  raw: unknown,
  field: string,
  keyPrefix = '',
): Selector {
  const obj = asObject(raw, field);
  const requirements: LabelRequirement[] = [];
  const matchLabels = asObject(obj.matchLabels, `${field}.matchLabels`);
  for (const [k, v] of Object.entries(matchLabels).sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    if (typeof v !== 'string') {
      throw new PolicyFieldError(
        `${field}.matchLabels.${k}`,
        'must be a string',
      );
    }
    const { source, key } = splitSource(keyPrefix + k);
    requirements.push({ source, key, operator: 'In', values: [v] });
  }
  asArray(obj.matchExpressions, `${field}.matchExpressions`).forEach((e, i) => {
    const f = `${field}.matchExpressions[${i}]`;
    const expr = asObject(e, f);
    const op = expr.operator as (typeof OPERATORS)[number];
    if (!OPERATORS.includes(op)) {
      throw new PolicyFieldError(
        `${f}.operator`,
        'must be In, NotIn, Exists or DoesNotExist',
      );
    }
    if (typeof expr.key !== 'string')
      throw new PolicyFieldError(`${f}.key`, 'must be a string');
    const values = asArray(expr.values, `${f}.values`).map(String);
    if ((op === 'In' || op === 'NotIn') && values.length === 0) {
      throw new PolicyFieldError(`${f}.values`, `must not be empty for ${op}`);
    }
    const { source, key } = splitSource(keyPrefix + expr.key);
    requirements.push({ source, key, operator: op, values });
  });
  return { requirements };
}

/** Adds `k8s:io.kubernetes.pod.namespace=<ns>` unless the selector names a namespace or a reserved label. */
export function inNamespace(
  selector: Selector,
  namespace: string | undefined,
): Selector {
  if (namespace === undefined) return selector;
  if (
    selector.requirements.some(
      r => r.key === NAMESPACE_KEY || r.source === 'reserved',
    )
  ) {
    return selector;
  }
  return {
    requirements: [
      ...selector.requirements,
      {
        source: 'k8s',
        key: NAMESPACE_KEY,
        operator: 'In',
        values: [namespace],
      },
    ],
  };
}

export function cidrPeer(
  cidr: unknown,
  except: unknown,
  field: string,
): PeerMatch {
  if (typeof cidr !== 'string')
    throw new PolicyFieldError(field, 'must be a CIDR string');
  const parsed = parseCidr(cidr);
  if (!parsed)
    throw new PolicyFieldError(field, `"${cidr}" is not a valid CIDR`);
  const exceptList = asArray(except, `${field}.except`).map(String);
  const parsedExcept = exceptList.map((e, i) => {
    const p = parseCidr(e);
    if (!p)
      throw new PolicyFieldError(
        `${field}.except[${i}]`,
        `"${e}" is not a valid CIDR`,
      );
    return p;
  });
  return { kind: 'cidr', cidr, except: exceptList, parsed, parsedExcept };
}

/**
 * DNS name patterns (docs.cilium.io, Policy Language, "DNS based"):
 * `matchName` is exact; in `matchPattern` `*` stands for DNS-name characters
 * within one label, a lone `*` matches every name, a leading `**.` matches
 * one or more labels. Names compare case-insensitively, without the final dot.
 */
export function dnsRegex(matchName?: string, matchPattern?: string): RegExp {
  const norm = (s: string) => s.toLowerCase().replace(/\.$/, '');
  if (matchName !== undefined) {
    return new RegExp(
      `^${norm(matchName).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`,
    );
  }
  const p = norm(matchPattern ?? '');
  if (p === '*') return /^.+$/;
  const body = p
    .split(/(\*\*\.|\*)/)
    .map(part => {
      if (part === '**.') return '(?:[-a-z0-9_]+\\.)+';
      if (part === '*') return '[-a-z0-9_]*';
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${body}$`);
}

export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

const PROTOCOLS = ['TCP', 'UDP', 'SCTP', 'ANY'] as const;

/** One `ports[]` entry (Cilium PortProtocol or Kubernetes NetworkPolicyPort). */
export function toPortMatch(
  raw: unknown,
  field: string,
  defaultProtocol: PortMatch['protocol'],
): PortMatch | { named: string } {
  const obj = asObject(raw, field);
  const protocol = (obj.protocol ?? defaultProtocol) as PortMatch['protocol'];
  if (!PROTOCOLS.includes(protocol)) {
    throw new PolicyFieldError(
      `${field}.protocol`,
      'must be TCP, UDP, SCTP or ANY',
    );
  }
  const rawPort = obj.port;
  if (
    rawPort === undefined ||
    rawPort === null ||
    rawPort === '' ||
    rawPort === '0' ||
    rawPort === 0
  ) {
    return { protocol };
  }
  let port = NaN;
  if (typeof rawPort === 'number') port = rawPort;
  else if (/^\d+$/.test(String(rawPort))) port = Number(rawPort);
  if (Number.isNaN(port)) return { named: String(rawPort) };
  if (port < 1 || port > 65535)
    throw new PolicyFieldError(`${field}.port`, 'must be 1..65535');
  const endPort = obj.endPort === undefined ? undefined : Number(obj.endPort);
  if (
    endPort !== undefined &&
    (!Number.isInteger(endPort) || endPort < port || endPort > 65535)
  ) {
    throw new PolicyFieldError(
      `${field}.endPort`,
      'must be a port ≥ port and ≤ 65535',
    );
  }
  return endPort === undefined
    ? { protocol, port }
    : { protocol, port, endPort };
}
