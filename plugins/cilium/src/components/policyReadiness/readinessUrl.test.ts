import { edgeNamespaces, readinessHref } from './readinessUrl';

describe('readiness links from service-map edges', () => {
  it('names the namespaces of workload ends, each once', () => {
    expect(
      edgeNamespaces({
        source: 'tenant-jobs/scheduler',
        destination: 'tenant-jobs/worker',
      }),
    ).toEqual(['tenant-jobs']);
    expect(
      edgeNamespaces({
        source: 'tenant-web/frontend',
        destination: 'tenant-jobs/worker',
      }),
    ).toEqual(['tenant-web', 'tenant-jobs']);
    expect(
      edgeNamespaces({
        source: 'reserved:host',
        destination: 'fqdn:downloads.example.org',
      }),
    ).toEqual([]);
  });

  it('links to the section with the namespace in the URL', () => {
    expect(readinessHref('tenant-jobs')).toBe(
      '?readinessNamespace=tenant-jobs#cilium-section-policy-readiness',
    );
  });
});
