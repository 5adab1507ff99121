import type { WireFlow, WireLayer7, WireTcpFlags } from '../wire';
import { icmpv4TypeCode, icmpv6TypeCode } from './icmp';

/** TCP flags in the order Cilium's parser lists them (threefour/parser.go). */
const TCP_FLAG_ORDER: (keyof WireTcpFlags)[] = [
  'SYN',
  'ACK',
  'RST',
  'FIN',
  'PSH',
  'URG',
  'ECE',
  'CWR',
  'NS',
];

export function tcpFlagNames(flags: WireTcpFlags | null | undefined): string[] {
  if (!flags) return [];
  return TCP_FLAG_ORDER.filter(flag => flags[flag]);
}

/** gopacket's DNSResponseCode names. */
const DNS_RCODES: Record<number, string> = {
  0: 'No Error',
  1: 'Format Error',
  2: 'Server Failure',
  3: 'Non-Existent Domain',
  4: 'Not Implemented',
  5: 'Query Refused',
  6: 'Name Exists when it should not',
  7: 'RR Set Exists when it should not',
  8: 'RR Set that should exist does not',
  9: 'Server Not Authoritative for zone',
  10: 'Name not contained in zone',
};

function l7Summary(l7: WireLayer7): string | undefined {
  const http = l7.http;
  if (http) {
    const request = `${http.method} ${http.url}`;
    if (l7.type === 'REQUEST') return `${http.protocol} ${request}`;
    if (l7.type === 'RESPONSE') {
      const latencyMs = Math.floor(Number(l7.latency_ns || 0) / 1e6);
      return `${http.protocol} ${http.code} ${latencyMs}ms (${request})`;
    }
    return undefined;
  }
  const dns = l7.dns;
  if (dns) {
    const qtypes = dns.qtypes.join(',');
    if (l7.type === 'REQUEST') return `DNS Query ${dns.query} ${qtypes}`;
    if (l7.type === 'RESPONSE') {
      let answer: string;
      if (dns.rcode !== 0) {
        answer = `RCode: ${DNS_RCODES[dns.rcode] ?? 'Unknown'}`;
      } else {
        const parts: string[] = [];
        if (dns.ips.length > 0) parts.push(JSON.stringify(dns.ips.join(',')));
        if (dns.cnames.length > 0)
          parts.push(`CNAMEs: ${JSON.stringify(dns.cnames.join(','))}`);
        answer = parts.join(' ');
      }
      const source = dns.observation_source === 'proxy' ? 'Proxy' : 'Query';
      return `DNS Answer ${answer} TTL: ${dns.ttl} (${source} ${dns.query} ${qtypes})`;
    }
  }
  return undefined;
}

/**
 * The flow's own summary text (Cilium's deprecated `Flow.Summary`), rebuilt
 * from structured fields the way Cilium's parsers write it: L7 HTTP/DNS,
 * `TCP Flags: SYN, ACK`, `ICMPv4 EchoRequest`. Falls back to the `Summary`
 * the server sent, then to the L4 protocol name.
 */
export function flowSummaryText(flow: WireFlow): string {
  if (flow.l7) {
    const text = l7Summary(flow.l7);
    if (text !== undefined) return text;
    return flow.Summary ?? '';
  }
  const l4 = flow.l4;
  if (l4?.TCP) return `TCP Flags: ${tcpFlagNames(l4.TCP.flags).join(', ')}`;
  if (l4?.ICMPv4)
    return `ICMPv4 ${icmpv4TypeCode(l4.ICMPv4.type, l4.ICMPv4.code)}`;
  if (l4?.ICMPv6)
    return `ICMPv6 ${icmpv6TypeCode(l4.ICMPv6.type, l4.ICMPv6.code)}`;
  if (flow.Summary) return flow.Summary;
  if (l4?.UDP) return 'UDP';
  if (l4?.SCTP) return 'SCTP';
  return '';
}

/**
 * The SUMMARY column of `hubble observe`: optional `IP Trace ID: n; `, the
 * flow summary, then `; Auth: SPIRE` when mutual auth was used.
 */
export function summaryColumn(flow: WireFlow): string {
  let out = '';
  const traceId = flow.ip_trace_id?.trace_id;
  if (traceId && traceId !== '0') out += `IP Trace ID: ${traceId}; `;
  out += flowSummaryText(flow);
  if (flow.auth_type && flow.auth_type !== 'DISABLED')
    out += `; Auth: ${flow.auth_type}`;
  return out;
}
