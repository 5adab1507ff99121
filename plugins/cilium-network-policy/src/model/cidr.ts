/** IPv4/IPv6 prefix matching for CIDR rules and ipBlock. */

function ipv4ToBigInt(ip: string): bigint | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0n;
  for (const p of parts) {
    const v = Number(p);
    if (!/^\d+$/.test(p) || v > 255) return undefined;
    n = (n << 8n) | BigInt(v);
  }
  return n;
}

function ipv6ToBigInt(ip: string): bigint | undefined {
  const [head, tail, extra] = ip.split('::');
  if (extra !== undefined) return undefined;
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? h
      : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  if (groups.length !== 8) return undefined;
  let n = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    n = (n << 16n) | BigInt(parseInt(g, 16));
  }
  return n;
}

export interface ParsedCidr {
  v6: boolean;
  base: bigint;
  bits: number;
}

export function parseIp(
  ip: string,
): { v6: boolean; value: bigint } | undefined {
  if (ip.includes(':')) {
    const value = ipv6ToBigInt(ip);
    return value === undefined ? undefined : { v6: true, value };
  }
  const value = ipv4ToBigInt(ip);
  return value === undefined ? undefined : { v6: false, value };
}

export function parseCidr(cidr: string): ParsedCidr | undefined {
  const [ip, len] = cidr.split('/');
  const parsed = parseIp(ip);
  if (!parsed) return undefined;
  const max = parsed.v6 ? 128 : 32;
  const bits = len === undefined ? max : Number(len);
  if (!Number.isInteger(bits) || bits < 0 || bits > max) return undefined;
  const shift = BigInt(max - bits);
  return { v6: parsed.v6, base: (parsed.value >> shift) << shift, bits };
}

export function cidrContains(
  cidr: ParsedCidr,
  ip: { v6: boolean; value: bigint },
): boolean {
  if (cidr.v6 !== ip.v6) return false;
  const shift = BigInt((cidr.v6 ? 128 : 32) - cidr.bits);
  return (ip.value >> shift) << shift === cidr.base;
}
