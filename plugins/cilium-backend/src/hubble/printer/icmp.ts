/**
 * gopacket's ICMPv4TypeCode / ICMPv6TypeCode `String()`, which Cilium puts
 * into the flow summary (`ICMPv4 EchoRequest`, `ICMPv6 DestinationUnreachable(PortUnreachable)`).
 */

interface TypeInfo {
  name: string;
  codes?: Record<number, string>;
}

const icmpv4: Record<number, TypeInfo> = {
  0: { name: 'EchoReply' },
  3: {
    name: 'DestinationUnreachable',
    codes: {
      0: 'Net',
      1: 'Host',
      2: 'Protocol',
      3: 'Port',
      4: 'FragmentationNeeded',
      5: 'SourceRoutingFailed',
      6: 'NetUnknown',
      7: 'HostUnknown',
      8: 'SourceIsolated',
      9: 'NetAdminProhibited',
      10: 'HostAdminProhibited',
      11: 'NetTOS',
      12: 'HostTOS',
      13: 'CommAdminProhibited',
      14: 'HostPrecedence',
      15: 'PrecedenceCutoff',
    },
  },
  4: { name: 'SourceQuench' },
  5: {
    name: 'Redirect',
    codes: { 0: 'Network', 1: 'Host', 2: 'TOS+Network', 3: 'TOS+Host' },
  },
  8: { name: 'EchoRequest' },
  9: { name: 'RouterAdvertisement' },
  10: { name: 'RouterSolicitation' },
  11: {
    name: 'TimeExceeded',
    codes: { 0: 'TTLExceeded', 1: 'FragmentReassemblyTimeExceeded' },
  },
  12: {
    name: 'ParameterProblem',
    codes: { 0: 'PointerIndicatesError', 1: 'MissingOption', 2: 'BadLength' },
  },
  13: { name: 'TimestampRequest' },
  14: { name: 'TimestampReply' },
  15: { name: 'InfoRequest' },
  16: { name: 'InfoReply' },
  17: { name: 'AddressMaskRequest' },
  18: { name: 'AddressMaskReply' },
};

const icmpv6: Record<number, TypeInfo> = {
  1: {
    name: 'DestinationUnreachable',
    codes: {
      0: 'NoRouteToDst',
      1: 'AdminProhibited',
      2: 'BeyondScopeOfSrc',
      3: 'AddressUnreachable',
      4: 'PortUnreachable',
      5: 'SrcAddressFailedPolicy',
      6: 'RejectRouteToDst',
    },
  },
  2: { name: 'PacketTooBig' },
  3: {
    name: 'TimeExceeded',
    codes: { 0: 'HopLimitExceeded', 1: 'FragmentReassemblyTimeExceeded' },
  },
  4: {
    name: 'ParameterProblem',
    codes: {
      0: 'ErroneousHeaderField',
      1: 'UnrecognizedNextHeader',
      2: 'UnrecognizedIPv6Option',
    },
  },
  128: { name: 'EchoRequest' },
  129: { name: 'EchoReply' },
  133: { name: 'RouterSolicitation' },
  134: { name: 'RouterAdvertisement' },
  135: { name: 'NeighborSolicitation' },
  136: { name: 'NeighborAdvertisement' },
  137: { name: 'Redirect' },
};

function typeCode(
  table: Record<number, TypeInfo>,
  type: number,
  code: number,
): string {
  const info = table[type];
  if (!info) return `${type}(${code})`;
  if (!info.codes)
    return code === 0 ? info.name : `${info.name}(Code: ${code})`;
  const codeName = info.codes[code];
  return codeName ? `${info.name}(${codeName})` : `${info.name}(Code: ${code})`;
}

export function icmpv4TypeCode(type: number, code: number): string {
  return typeCode(icmpv4, type, code);
}

export function icmpv6TypeCode(type: number, code: number): string {
  return typeCode(icmpv6, type, code);
}
