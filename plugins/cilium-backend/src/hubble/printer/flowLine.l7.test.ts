import { compactFlowLine } from './flowLine';
import { decodeFlow } from './decodeForTest';
import { at, tcp, scheduler, productpage, details } from './testEndpoints';

// Each `line` is written the way `hubble observe --print-policy-names` prints it.
const cases: { name: string; flow: object; line: string }[] = [
  {
    name: 'L7 HTTP request (bookinfo productpage → details)',
    flow: {
      time: at,
      verdict: 'FORWARDED',
      IP: { source: '10.0.1.20', destination: '10.0.1.21' },
      l4: tcp(52514, 9080, {}),
      source: productpage,
      destination: details,
      Type: 'L7',
      event_type: { type: 129 },
      is_reply: { value: false },
      l7: {
        type: 'REQUEST',
        http: {
          method: 'GET',
          url: 'http://details:9080/details/0',
          protocol: 'HTTP/1.1',
        },
      },
    },
    line:
      'Jun  3 17:34:08.849: default/productpage-v1-6b746f74dc-2c55l:52514 (ID:1234) -> ' +
      'default/details-v1-79f774bdb9-wsw8q:9080 (ID:5678) http-request FORWARDED (HTTP/1.1 GET http://details:9080/details/0)',
  },
  {
    name: 'L7 HTTP response is a reply: endpoints swap and the arrow points back',
    flow: {
      time: at,
      verdict: 'FORWARDED',
      IP: { source: '10.0.1.21', destination: '10.0.1.20' },
      l4: tcp(9080, 52514, {}),
      source: details,
      destination: productpage,
      Type: 'L7',
      event_type: { type: 129 },
      is_reply: { value: true },
      l7: {
        type: 'RESPONSE',
        latency_ns: 3_456_789,
        http: {
          code: 200,
          method: 'GET',
          url: 'http://details:9080/details/0',
          protocol: 'HTTP/1.1',
        },
      },
    },
    line:
      'Jun  3 17:34:08.849: default/productpage-v1-6b746f74dc-2c55l:52514 (ID:1234) <- ' +
      'default/details-v1-79f774bdb9-wsw8q:9080 (ID:5678) http-response FORWARDED ' +
      '(HTTP/1.1 200 3ms (GET http://details:9080/details/0))',
  },
  {
    name: 'DNS request through the proxy, destination named by its service',
    flow: {
      time: at,
      verdict: 'FORWARDED',
      IP: { source: '10.0.1.15', destination: '10.96.0.10' },
      l4: { UDP: { source_port: 40211, destination_port: 53 } },
      source: scheduler,
      destination: { identity: 102, namespace: 'kube-system' },
      destination_service: { name: 'kube-dns', namespace: 'kube-system' },
      Type: 'L7',
      event_type: { type: 129 },
      is_reply: { value: false },
      l7: {
        type: 'REQUEST',
        dns: {
          query: 'api.github.com.',
          observation_source: 'proxy',
          qtypes: ['A'],
        },
      },
    },
    line:
      'Jun  3 17:34:08.849: tenant-jobs/scheduler-5d8f7c9b6-x2x7q:40211 (ID:12345) -> kube-system/kube-dns:53 (ID:102) ' +
      'dns-request proxy FORWARDED (DNS Query api.github.com. A)',
  },
  {
    name: 'DNS response with IPs and TTL',
    flow: {
      time: at,
      verdict: 'FORWARDED',
      IP: { source: '10.96.0.10', destination: '10.0.1.15' },
      l4: { UDP: { source_port: 53, destination_port: 40211 } },
      source: {
        identity: 102,
        namespace: 'kube-system',
        pod_name: 'coredns-76f75df574-8xk2d',
      },
      destination: scheduler,
      event_type: { type: 129 },
      is_reply: { value: true },
      l7: {
        type: 'RESPONSE',
        dns: {
          query: 'api.github.com.',
          ips: ['140.82.121.6'],
          ttl: 60,
          observation_source: 'proxy',
          qtypes: ['A'],
          rrtypes: ['A'],
        },
      },
    },
    line:
      'Jun  3 17:34:08.849: tenant-jobs/scheduler-5d8f7c9b6-x2x7q:40211 (ID:12345) <- ' +
      'kube-system/coredns-76f75df574-8xk2d:53 (ID:102) dns-response proxy FORWARDED ' +
      '(DNS Answer "140.82.121.6" TTL: 60 (Proxy api.github.com. A))',
  },
  {
    name: 'DNS response NXDOMAIN',
    flow: {
      time: at,
      verdict: 'FORWARDED',
      IP: { source: '10.0.0.12', destination: '10.0.1.15' },
      l4: { UDP: { source_port: 53, destination_port: 40211 } },
      source: {
        identity: 102,
        namespace: 'kube-system',
        pod_name: 'coredns-76f75df574-8xk2d',
      },
      destination: scheduler,
      event_type: { type: 129 },
      is_reply: { value: true },
      l7: {
        type: 'RESPONSE',
        dns: {
          query: 'nope.tenant-jobs.svc.cluster.local.',
          rcode: 3,
          observation_source: 'proxy',
          qtypes: ['AAAA'],
        },
      },
    },
    line:
      'Jun  3 17:34:08.849: tenant-jobs/scheduler-5d8f7c9b6-x2x7q:40211 (ID:12345) <- ' +
      'kube-system/coredns-76f75df574-8xk2d:53 (ID:102) dns-response proxy FORWARDED ' +
      '(DNS Answer RCode: Non-Existent Domain TTL: 0 (Proxy nope.tenant-jobs.svc.cluster.local. AAAA))',
  },
  {
    name: 'Kafka (deprecated upstream) prints kafka-<type> with the server summary',
    flow: {
      time: at,
      verdict: 'FORWARDED',
      IP: { source: '10.0.1.15', destination: '10.0.3.9' },
      l4: tcp(50122, 9092, {}),
      source: scheduler,
      destination: { identity: 777, namespace: 'kafka', pod_name: 'broker-0' },
      event_type: { type: 129 },
      is_reply: { value: false },
      l7: { type: 'REQUEST', kafka: { api_key: 'produce', topic: 'jobs' } },
      Summary: "Kafka request produce correlation id 7 topic 'jobs'",
    },
    line:
      'Jun  3 17:34:08.849: tenant-jobs/scheduler-5d8f7c9b6-x2x7q:50122 (ID:12345) -> kafka/broker-0:9092 (ID:777) ' +
      "kafka-request FORWARDED (Kafka request produce correlation id 7 topic 'jobs')",
  },
];

describe('compactFlowLine: L7 HTTP and DNS', () => {
  it.each(cases)('$name', ({ flow, line }) => {
    expect(compactFlowLine(decodeFlow(flow))).toBe(line);
  });
});
