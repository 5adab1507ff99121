import type { ComponentRenderer } from '../types';
import { hostPort } from './clusterFacts';
import { certManagerWebhookValues } from './externalControlPlane';

/**
 * cert-manager: CRDs (kept on uninstall) and Gateway API support through the
 * ControllerConfiguration are catalog defaults. With an RFC2136 server, the
 * DNS-01 self-check asks that server directly (it may be private). With an
 * external control plane the webhook runs on the host network.
 */
export const renderCertManager: ComponentRenderer = ctx => {
  const rfc2136 = ctx.spec.spec.dns.rfc2136;
  const webhook = certManagerWebhookValues(ctx.spec);
  if (!rfc2136) return { values: webhook };
  return {
    values: {
      ...webhook,
      dns01RecursiveNameservers: hostPort(rfc2136.host, rfc2136.port),
      dns01RecursiveNameserversOnly: true,
    },
  };
};
