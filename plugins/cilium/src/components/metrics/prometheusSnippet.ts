/** The config that gives a cluster its Prometheus (follows the backend's config.d.ts). */
export function prometheusSnippet(cluster: string): string {
  return [
    'cilium:',
    '  clusters:',
    `    - name: ${cluster}`,
    '      prometheus:',
    '        # kube-prometheus-stack: Service <release>-kube-prometheus-prometheus, port 9090',
    '        url: http://kube-prometheus-stack-prometheus.monitoring.svc:9090',
    '        # optional, sent as the Authorization header',
    '        authorization: Bearer ${PROMETHEUS_TOKEN}',
  ].join('\n');
}
