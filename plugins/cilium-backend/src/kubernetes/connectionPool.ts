import http from 'node:http';
import https from 'node:https';

type AgentLike = http.Agent & { options?: https.AgentOptions };

const TLS_KEYS = [
  'ca',
  'cert',
  'key',
  'pfx',
  'passphrase',
  'rejectUnauthorized',
  'servername',
] as const;

/**
 * Keep-alive agents for one cluster. client-node builds a fresh agent (so a
 * fresh TCP and TLS connection) for every request; this swaps it for a
 * pooled keep-alive agent with the same TLS settings, so a status document's
 * dozen requests reuse connections instead of handshaking each time. Proxy
 * agents and anything else unfamiliar are left alone.
 */
export class ConnectionPool {
  private agent: AgentLike | undefined;
  private tls: unknown[] | undefined;

  /** The pooled equivalent of client-node's per-request agent. */
  pooled(requestAgent: unknown): unknown {
    const a = requestAgent as AgentLike | undefined;
    if (!a) return a;
    const ctor = a.constructor;
    if (ctor !== http.Agent && ctor !== https.Agent) return a;
    const tls = TLS_KEYS.map(k => a.options?.[k]);
    const same =
      this.agent?.constructor === ctor &&
      this.tls !== undefined &&
      tls.every((v, i) => v === this.tls![i]);
    if (!same) {
      this.agent?.destroy();
      const options = { ...a.options, keepAlive: true, maxSockets: 16 };
      this.agent =
        ctor === https.Agent
          ? new https.Agent(options)
          : new http.Agent({ keepAlive: true, maxSockets: 16 });
      this.tls = tls;
    }
    return this.agent;
  }

  close() {
    this.agent?.destroy();
    this.agent = undefined;
  }
}
