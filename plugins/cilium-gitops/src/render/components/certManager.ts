import type { ComponentRenderer } from '../types';
import { hostPort } from './clusterFacts';

/**
 * cert-manager: CRDs (kept on uninstall) and Gateway API support through the
 * ControllerConfiguration are catalog defaults. With an RFC2136 server, the
 * DNS-01 self-check asks that server directly (it may be private).
 */
export const renderCertManager: ComponentRenderer = ctx => {
  const rfc2136 = ctx.spec.spec.dns.rfc2136;
  if (!rfc2136) return {};
  return {
    values: {
      dns01RecursiveNameservers: hostPort(rfc2136.host, rfc2136.port),
      dns01RecursiveNameserversOnly: true,
    },
  };
};
