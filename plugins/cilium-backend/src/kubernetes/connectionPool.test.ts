import http from 'node:http';
import https from 'node:https';
import { ConnectionPool } from './connectionPool';

describe('ConnectionPool', () => {
  it('replaces per-request agents by one keep-alive agent with the same TLS settings', () => {
    const pool = new ConnectionPool();
    const first = pool.pooled(
      new https.Agent({ ca: 'CA', rejectUnauthorized: true }),
    ) as https.Agent;
    const second = pool.pooled(
      new https.Agent({ ca: 'CA', rejectUnauthorized: true }),
    );
    expect(second).toBe(first);
    expect(first).toBeInstanceOf(https.Agent);
    expect((first as any).options).toMatchObject({
      ca: 'CA',
      rejectUnauthorized: true,
      keepAlive: true,
    });

    const rotated = pool.pooled(
      new https.Agent({ ca: 'CA2', rejectUnauthorized: true }),
    );
    expect(rotated).not.toBe(first);
    expect((rotated as any).options.ca).toBe('CA2');
    pool.close();
  });

  it('compares a CA Buffer by content, as client-node builds a new one per request', () => {
    const pool = new ConnectionPool();
    const agent = (ca: string) =>
      new https.Agent({ ca: Buffer.from(ca), rejectUnauthorized: true });
    const first = pool.pooled(agent('PEM')) as any;
    expect(pool.pooled(agent('PEM'))).toBe(first);
    const other = pool.pooled(agent('OTHER')) as any;
    expect(other).not.toBe(first);
    // the first agent is kept (not destroyed) for requests still on it
    expect(first.destroyed).not.toBe(true);
    expect(pool.pooled(agent('PEM'))).toBe(first);
    pool.close();
  });

  it('pools plain http agents and leaves other agents alone', () => {
    const pool = new ConnectionPool();
    const a = pool.pooled(new http.Agent());
    expect(pool.pooled(new http.Agent())).toBe(a);
    class ProxyAgent extends http.Agent {}
    const proxy = new ProxyAgent();
    expect(pool.pooled(proxy)).toBe(proxy);
    expect(pool.pooled(undefined)).toBeUndefined();
    pool.close();
  });
});
