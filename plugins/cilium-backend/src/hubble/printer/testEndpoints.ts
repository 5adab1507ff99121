/** Shared inputs of the printer's table tests (flow.proto field names). */

export const at = {
  seconds: Date.UTC(2026, 5, 3, 17, 34, 8) / 1000,
  nanos: 849_123_000,
};
export const tcp = (
  sport: number,
  dport: number,
  flags: Record<string, boolean>,
) => ({
  TCP: { source_port: sport, destination_port: dport, flags },
});
export const scheduler = {
  identity: 12345,
  namespace: 'tenant-jobs',
  pod_name: 'scheduler-5d8f7c9b6-x2x7q',
  labels: ['k8s:app=scheduler'],
};
export const worker = {
  identity: 23456,
  namespace: 'tenant-jobs',
  pod_name: 'worker-7c9f8d5b4-jkq8p',
};
export const productpage = {
  identity: 1234,
  namespace: 'default',
  pod_name: 'productpage-v1-6b746f74dc-2c55l',
};
export const details = {
  identity: 5678,
  namespace: 'default',
  pod_name: 'details-v1-79f774bdb9-wsw8q',
};
