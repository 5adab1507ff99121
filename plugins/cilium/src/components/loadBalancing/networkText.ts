import { LbIpPoolInfo } from '@internal/plugin-cilium-common';

const UNITS: [suffix: string, seconds: number][] = [
  ['d', 86_400],
  ['h', 3_600],
  ['m', 60],
  ['s', 1],
];

/**
 * A session's uptime in the two largest units, the way people read it:
 * `45s`, `2h 5m`, `1d` (a zero second unit is left out). Undefined for an
 * unknown or negative duration.
 */
export function formatUptime(seconds?: number): string | undefined {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) {
    return undefined;
  }
  let rest = Math.floor(seconds);
  const parts: number[] = UNITS.map(([, size]) => {
    const n = Math.floor(rest / size);
    rest -= n * size;
    return n;
  });
  const first = parts.findIndex(n => n > 0);
  if (first === -1) return '0s';
  const out = [`${parts[first]}${UNITS[first][0]}`];
  if (first + 1 < UNITS.length && parts[first + 1] > 0) {
    out.push(`${parts[first + 1]}${UNITS[first + 1][0]}`);
  }
  return out.join(' ');
}

export interface PoolUsage {
  /** `3 of 8 IPs used`; `usage not reported` when the pool has no counts yet. */
  text: string;
  used?: number;
  total?: number;
  /** 0..1, when total is known and positive. */
  ratio?: number;
  /** Every IP of the pool is allocated: new LoadBalancer Services get none. */
  exhausted: boolean;
}

/**
 * Usage of an LB-IPAM pool from its `cilium.io/IPs*` conditions. Used falls
 * back to total − available when the operator did not report it.
 */
export function poolUsage(pool: LbIpPoolInfo): PoolUsage {
  const total = pool.ipsTotal;
  const used =
    pool.ipsUsed ??
    (total !== undefined && pool.ipsAvailable !== undefined
      ? total - pool.ipsAvailable
      : undefined);
  const available =
    pool.ipsAvailable ??
    (total !== undefined && used !== undefined ? total - used : undefined);
  if (total === undefined || used === undefined) {
    return { text: 'usage not reported', exhausted: false };
  }
  return {
    text: `${used} of ${total} ${total === 1 ? 'IP' : 'IPs'} used`,
    used,
    total,
    ratio: total > 0 ? Math.min(1, Math.max(0, used / total)) : undefined,
    exhausted: available !== undefined && available <= 0,
  };
}

export type SessionLook = {
  color: 'success' | 'warning' | 'danger';
  mark: string;
};

/**
 * How a BGP session state reads: `established` is up; `idle` is not even
 * trying (administratively down, or failing before it can connect);
 * anything else (`connect`, `active`, `opensent`, `openconfirm`, unknown)
 * is trying but not up.
 */
export function sessionLook(state: string): SessionLook {
  const s = state.toLowerCase();
  if (s === 'established') return { color: 'success', mark: '✓' };
  if (s === 'idle') return { color: 'danger', mark: '✗' };
  return { color: 'warning', mark: '!' };
}
