import type { ComponentRenderer } from '../types';
import { hostPort } from './clusterFacts';
import { certManagerWebhookValues } from './externalControlPlane';

/**
 * cert-manager: CRDs (kept on uninstall) and Gateway API support through the
 * ControllerConfiguration are catalog defaults. The DNS-01 self-check asks
 * only `tls.dns01RecursiveNameservers` (the recipe: public resolvers for a
 * split-horizon zone), by default the RFC2136 server itself (it may be
 * private). Chart keys `dns01RecursiveNameservers` (comma-separated
 * `host:port`) and `dns01RecursiveNameserversOnly` (cert-manager v1.21.1
 * deploy/charts/cert-manager/values.yaml). With an external control plane
 * the webhook runs on the host network.
 */
export const renderCertManager: ComponentRenderer = ctx => {
  const { dns, tls } = ctx.spec.spec;
  const rfc2136 = dns.rfc2136;
  const webhook = certManagerWebhookValues(ctx.spec);
  const servers =
    tls?.dns01RecursiveNameservers ??
    (rfc2136 ? [hostPort(rfc2136.host, rfc2136.port)] : undefined);
  if (!servers) return { values: webhook };
  return {
    values: {
      ...webhook,
      dns01RecursiveNameservers: servers.join(','),
      dns01RecursiveNameserversOnly: true,
    },
  };
};
