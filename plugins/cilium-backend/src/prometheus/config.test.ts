import { ConfigReader } from '@backstage/config';
import { readPrometheusSettings } from './config';

const read = (block: ConstructorParameters<typeof ConfigReader>[0]) =>
  readPrometheusSettings('c1', new ConfigReader(block), 5000);

describe('readPrometheusSettings', () => {
  it('reads the block with defaults', () => {
    expect(
      read({ url: 'https://prom.example.net/', authorization: 'Bearer t' }),
    ).toEqual({
      url: 'https://prom.example.net',
      authorization: 'Bearer t',
      timeoutMs: 5000,
      ca: undefined,
      insecureSkipVerify: false,
    });
  });

  it('names the key and the rule it breaks', () => {
    expect(() => read({ url: 'prom:9090' })).toThrow(
      'cilium.clusters[c1].prometheus.url must be an absolute http(s) URL',
    );
    expect(() => read({ url: 'http://prom:9090?x=1' })).toThrow(
      'cilium.clusters[c1].prometheus.url must not carry credentials, a query or a fragment',
    );
    expect(() => read({ url: 'http://prom:9090', timeoutMs: 0 })).toThrow(
      'cilium.clusters[c1].prometheus.timeoutMs must be a positive number',
    );
    expect(() =>
      read({ url: 'http://prom:9090', tls: { caFile: '/nonexistent/ca.pem' } }),
    ).toThrow(
      'cilium.clusters[c1].prometheus.tls.caFile cannot be read: ENOENT',
    );
  });
});
