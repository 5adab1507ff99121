/**
 * Admission webhooks with a control plane outside the cluster (the recipe's
 * setup): the API server is not a cluster node, so it reaches webhooks only
 * at addresses routed to the cluster.
 *
 * - cert-manager: its webhook runs on the host network, so the API server
 *   reaches it at a worker's address (the worker CIDR is routed). The chart
 *   says the default `webhook.securePort` 10250 is the kubelet's port on the
 *   host network and must change when `webhook.hostNetwork` is on
 *   (cert-manager deploy/charts/cert-manager/values.yaml, `webhook.hostNetwork`).
 * - OpenTelemetry operator: its webhooks are off, as in the recipe. The chart
 *   (open-telemetry/opentelemetry-helm-charts
 *   charts/opentelemetry-operator/values.yaml) then needs
 *   `admissionWebhooks.create: false`, no webhook certificate
 *   (`certManager.enabled`, `autoGenerateCert.enabled` false) and the manager
 *   told with `manager.env.ENABLE_WEBHOOKS: "false"`.
 */
import type { ClusterSpec } from '../../spec/types';

/** cert-manager's webhook port on the host network: not the kubelet's 10250. */
export const CERT_MANAGER_WEBHOOK_HOST_PORT = 10260;

export function certManagerWebhookValues(
  spec: ClusterSpec,
): Record<string, unknown> {
  if (!spec.spec.controlPlane.external) return {};
  return {
    webhook: {
      hostNetwork: true,
      securePort: CERT_MANAGER_WEBHOOK_HOST_PORT,
    },
  };
}

export function opentelemetryOperatorWebhookValues(
  spec: ClusterSpec,
): Record<string, unknown> {
  if (!spec.spec.controlPlane.external) return {};
  return {
    admissionWebhooks: {
      create: false,
      certManager: { enabled: false },
      autoGenerateCert: { enabled: false },
    },
    manager: { env: { ENABLE_WEBHOOKS: 'false' } },
  };
}
