import crypto from 'node:crypto';
import http from 'node:http';
import https from 'node:https';

type AgentLike = http.Agent & {
  options?: https.AgentOptions;
  keepAlive?: boolean;
};

const TLS_KEYS = [
  'ca',
  'cert',
  'key',
  'pfx',
  'passphrase',
  'rejectUnauthorized',
  'servername',
] as const;

/** Agents kept per cluster at once (a CA rotation adds one). */
const MAX_AGENTS = 4;

/**
 * A value fingerprint of an agent's TLS settings. client-node builds a new
 * `Buffer` for the CA (and client certificate) on every request, so the
 * settings must be compared by content, never by identity.
 */
export function tlsFingerprint(options: https.AgentOptions | undefined) {
  const hash = crypto.createHash('sha256');
  for (const key of TLS_KEYS) {
    hash.update(key);
    hash.update('\0');
    addValue(hash, options?.[key]);
    hash.update('\0');
  }
  return hash.digest('hex');
}

function addValue(hash: crypto.Hash, value: unknown): void {
  if (value === undefined || value === null) {
    hash.update('u');
  } else if (Buffer.isBuffer(value) || value instanceof Uint8Array) {
    hash.update('b');
    hash.update(value);
  } else if (typeof value === 'string') {
    hash.update('s');
    hash.update(value);
  } else if (Array.isArray(value)) {
    hash.update(`a${value.length}`);
    for (const v of value) {
      addValue(hash, v);
      hash.update(',');
    }
  } else {
    hash.update(`v${JSON.stringify(value)}`);
  }
}

/**
 * Lets an agent finish the requests it has in flight, then close: no new
 * keep-alive (Node's agent destroys a freed socket when `keepAlive` is
 * off) and its idle sockets closed now. Never `destroy()`, which resets
 * requests still running on it.
 */
function retire(agent: AgentLike) {
  agent.keepAlive = false;
  for (const sockets of Object.values(agent.freeSockets)) {
    for (const s of sockets ?? []) s.destroy();
  }
}

/**
 * Keep-alive agents for one cluster. client-node builds a fresh agent (so a
 * fresh TCP and TLS connection) for every request; this swaps it for a
 * pooled keep-alive agent with the same TLS settings (compared by value), so
 * a status document's dozen requests reuse connections instead of
 * handshaking each time. Agents for other TLS settings (a rotated CA) are
 * kept beside it; the oldest is retired gracefully. Proxy agents and
 * anything else unfamiliar are left alone.
 */
export class ConnectionPool {
  private readonly agents = new Map<string, AgentLike>();

  /** The pooled equivalent of client-node's per-request agent. */
  pooled(requestAgent: unknown): unknown {
    const a = requestAgent as AgentLike | undefined;
    if (!a) return a;
    const ctor = a.constructor;
    if (ctor !== http.Agent && ctor !== https.Agent) return a;
    const key =
      ctor === https.Agent ? `https:${tlsFingerprint(a.options)}` : 'http';
    const hit = this.agents.get(key);
    if (hit) {
      // most recently used last
      this.agents.delete(key);
      this.agents.set(key, hit);
      return hit;
    }
    const agent: AgentLike =
      ctor === https.Agent
        ? new https.Agent({ ...a.options, keepAlive: true, maxSockets: 16 })
        : new http.Agent({ keepAlive: true, maxSockets: 16 });
    this.agents.set(key, agent);
    while (this.agents.size > MAX_AGENTS) {
      const [oldestKey, oldest] = this.agents.entries().next().value!;
      this.agents.delete(oldestKey);
      retire(oldest);
    }
    return agent;
  }

  close() {
    for (const agent of this.agents.values()) agent.destroy();
    this.agents.clear();
  }
}
