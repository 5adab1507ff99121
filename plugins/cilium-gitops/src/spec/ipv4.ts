/** IPv4 addresses and CIDR blocks as numbers, for the spec's network rules. */

export interface Ipv4Cidr {
  /** The text as written, e.g. `10.0.0.0/16`. */
  text: string;
  /** First address of the block. */
  first: number;
  /** Last address of the block. */
  last: number;
  prefix: number;
}

const OCTET = /^(0|[1-9][0-9]{0,2})$/;

/** The address as an unsigned 32-bit number, or undefined if it is not dotted-quad IPv4. */
export function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!OCTET.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

export function formatIpv4(value: number): string {
  return [24, 16, 8, 0]
    .map(shift => Math.floor(value / 2 ** shift) % 256)
    .join('.');
}

/** Why `text` is not a canonical IPv4 CIDR, or undefined when it is. */
export function ipv4CidrProblem(text: string): string | undefined {
  const match = /^([^/]+)\/([0-9]{1,2})$/.exec(text);
  const address = match ? parseIpv4(match[1]) : undefined;
  const prefix = match ? Number(match[2]) : NaN;
  if (address === undefined || !(prefix >= 0 && prefix <= 32)) {
    return `${text} is not a valid IPv4 CIDR`;
  }
  const size = 2 ** (32 - prefix);
  if (address % size !== 0) {
    const base = formatIpv4(address - (address % size));
    return `${text} has host bits set (did you mean ${base}/${prefix}?)`;
  }
  return undefined;
}

/** Parses a CIDR already accepted by {@link ipv4CidrProblem}. */
export function parseIpv4Cidr(text: string): Ipv4Cidr {
  const [addr, bits] = text.split('/');
  const first = parseIpv4(addr)!;
  const prefix = Number(bits);
  return { text, first, last: first + 2 ** (32 - prefix) - 1, prefix };
}

export function cidrsOverlap(a: Ipv4Cidr, b: Ipv4Cidr): boolean {
  return a.first <= b.last && b.first <= a.last;
}

export function cidrContains(cidr: Ipv4Cidr, address: number): boolean {
  return address >= cidr.first && address <= cidr.last;
}
