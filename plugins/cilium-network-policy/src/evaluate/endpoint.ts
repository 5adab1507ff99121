/** What the evaluator needs to know about one side of a flow. */
import type { FlowEndpoint } from '@internal/plugin-cilium-common';
import { RESERVED_IDENTITY_NAMES } from '@internal/plugin-cilium-common';
import { parseIp } from '../model/cidr';
import { normaliseName } from '../model/selectors';
import {
  NAMESPACE_KEY,
  parseEndpointLabels,
  type EndpointLabels,
} from '../model/labels';

export interface PreparedEndpoint {
  /** Cache key: identity, labels, and IP/names for non-pods. */
  key: string;
  labels: EndpointLabels;
  /** Namespace of a pod endpoint; undefined for reserved identities. */
  namespace?: string;
  /** Reserved entity (`world`, `host`, ...); undefined for a pod. */
  entity?: string;
  ip?: { v6: boolean; value: bigint };
  names: string[];
}

const CACHE_LIMIT = 50_000;

/** Identities from 2^24 are local CIDR identities: outside the cluster (world). */
const LOCAL_IDENTITY_BASE = 1 << 24;

/**
 * Policy only depends on an endpoint's identity labels (plus IP and DNS
 * names outside the cluster), so prepared endpoints are cached by them.
 */
const keys = new WeakMap<FlowEndpoint, string>();
/** Full key → short interned id, so verdict-cache keys stay small. */
const interned = new Map<string, string>();
/** Never reused, so a cleared table cannot make two endpoints share an id. */
let nextId = 0;

export function endpointKey(ep: FlowEndpoint): string {
  let key = keys.get(ep);
  if (key === undefined) {
    const full = keyUncached(ep);
    key = interned.get(full);
    if (key === undefined) {
      if (interned.size >= CACHE_LIMIT) interned.clear();
      key = `#${nextId++}`;
      interned.set(full, key);
    }
    keys.set(ep, key);
  }
  return key;
}

function keyUncached(ep: FlowEndpoint): string {
  const base = `${ep.identity}|${ep.namespace ?? ''}|${ep.labels.join(',')}`;
  return ep.namespace === undefined
    ? `${base}|${ep.ip ?? ''}|${ep.names.join(',')}`
    : base;
}

const cache = new Map<string, PreparedEndpoint>();

export function prepareEndpoint(ep: FlowEndpoint): PreparedEndpoint {
  const key = endpointKey(ep);
  let prepared = cache.get(key);
  if (!prepared) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    prepared = prepareUncached(ep, key);
    cache.set(key, prepared);
  }
  return prepared;
}

function prepareUncached(ep: FlowEndpoint, key: string): PreparedEndpoint {
  const labels = parseEndpointLabels(ep.labels);
  const reserved = ep.labels.find(l => l.startsWith('reserved:'));
  let entity: string | undefined;
  if (
    ep.identity > 0 &&
    ep.identity < 256 &&
    RESERVED_IDENTITY_NAMES[ep.identity]
  ) {
    entity = RESERVED_IDENTITY_NAMES[ep.identity];
  } else if (reserved) {
    entity = reserved.slice('reserved:'.length).split('=')[0];
  } else if (ep.identity >= LOCAL_IDENTITY_BASE) {
    entity = 'world';
  }
  const namespace = entity
    ? undefined
    : ep.namespace ?? labels.bySourceKey.get(`k8s:${NAMESPACE_KEY}`);
  if (!entity && !namespace) entity = 'unknown';
  return {
    key,
    labels,
    namespace,
    entity,
    ip: ep.ip ? parseIp(ep.ip) : undefined,
    names: ep.names.map(normaliseName),
  };
}

export const isWorld = (e: PreparedEndpoint) =>
  e.entity === 'world' ||
  e.entity === 'world-ipv4' ||
  e.entity === 'world-ipv6';

/** docs.cilium.io, Policy Language, "Entities Based": what each entity selects. */
export function matchesEntity(entity: string, peer: PreparedEndpoint): boolean {
  switch (entity) {
    case 'all':
      return true;
    case 'world':
      return isWorld(peer);
    case 'world-ipv4':
      return isWorld(peer) && peer.ip?.v6 === false;
    case 'world-ipv6':
      return isWorld(peer) && peer.ip?.v6 === true;
    case 'cluster':
      // Everything inside the local cluster: pods, host, remote nodes, health, init, ...
      return !isWorld(peer) && peer.entity !== 'unknown';
    default:
      return peer.entity === entity;
  }
}
