/**
 * Config the backend needs, shown in empty states. Kept in one place so the
 * snippets follow the backend's `config.d.ts`.
 */
export function hubbleRelaySnippet(cluster: string): string {
  return [
    'cilium:',
    '  clusters:',
    `    - name: ${cluster}`,
    '      hubble:',
    '        # Hubble Relay gRPC address (Service hubble-relay, port 80; 443 with TLS)',
    '        address: hubble-relay.kube-system.svc:80',
  ].join('\n');
}

export function clusterConfigSnippet(cluster: string): string {
  return [
    'kubernetes:',
    '  clusterLocatorMethods:',
    '    - type: config',
    '      clusters:',
    `        - name: ${cluster}`,
    `          url: https://${cluster}.example.com:6443`,
    '          authProvider: serviceAccount',
    '          serviceAccountToken: ${K8S_TOKEN}',
    'cilium:',
    '  clusters:',
    `    - name: ${cluster}`,
    '      hubble:',
    '        address: hubble-relay.kube-system.svc:80',
  ].join('\n');
}

export function gatewaySnippet(): string {
  return [
    'apiVersion: gateway.networking.k8s.io/v1',
    'kind: Gateway',
    'metadata:',
    '  name: public',
    '  namespace: infra-gateway',
    'spec:',
    '  gatewayClassName: cilium',
    '  listeners:',
    '    - name: http',
    '      protocol: HTTP',
    '      port: 80',
  ].join('\n');
}

/** The config that gives a cluster its Prometheus (follows the backend's config.d.ts). */
export function prometheusSnippet(cluster: string): string {
  return [
    'cilium:',
    '  clusters:',
    `    - name: ${cluster}`,
    '      prometheus:',
    '        # the generated clusters: kube-prometheus-stack in namespace monitoring',
    '        url: http://kube-prometheus-stack-prometheus.monitoring.svc:9090',
    '        # optional, sent as the Authorization header',
    '        authorization: Bearer ${PROMETHEUS_TOKEN}',
  ].join('\n');
}

/** Where the backend finds a cluster's GitOps repository (cilium.clusters[].git). */
export function gitRepoSnippet(cluster: string): string {
  return [
    'cilium:',
    '  clusters:',
    `    - name: ${cluster}`,
    '      git:',
    `        url: https://github.com/<org>/${cluster}-gitops.git # via integrations.github`,
    `        # localRepo: ${cluster} # or <ciliumGitops.localPublish.baseDir>/${cluster}.git`,
    '        branch: main',
  ].join('\n');
}
