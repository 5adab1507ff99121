import type { ComponentRenderer } from '../types';
import { certManagerTsig } from './certManagerIssuers';
import { meshDomain } from './clusterFacts';

/**
 * ExternalDNS over RFC2136: flags in `extraArgs`, the TSIG secret as the
 * `EXTERNAL_DNS_RFC2136_TSIG_SECRET` environment variable from the user's
 * Secret (never a value), TXT ownership by cluster name. Sources, policy and
 * the non-root read-only securityContext are catalog defaults.
 */
export const renderExternalDns: ComponentRenderer = ctx => {
  const { spec } = ctx;
  const rfc2136 = spec.spec.dns.rfc2136;
  if (!rfc2136) return {};
  const domainFilters = [spec.spec.dns.domain];
  if (spec.spec.clusterMesh.peers.length > 0) {
    domainFilters.push(`${spec.metadata.name}.${meshDomain(spec)}`);
  }
  return {
    values: {
      txtOwnerId: spec.metadata.name,
      // `txtPrefix` (external-dns chart 1.21.1 values.yaml): ownership TXT
      // records beside the published names, `external-dns-` as in the recipe.
      txtPrefix: spec.spec.dns.txtPrefix,
      domainFilters,
      extraArgs: [
        `--rfc2136-host=${rfc2136.host}`,
        `--rfc2136-port=${rfc2136.port}`,
        `--rfc2136-zone=${rfc2136.zone}`,
        `--rfc2136-tsig-keyname=${rfc2136.tsigKeyName}`,
        `--rfc2136-tsig-secret-alg=${rfc2136.tsigAlgorithm}`,
        '--rfc2136-tsig-axfr',
      ],
      env: [
        {
          name: 'EXTERNAL_DNS_RFC2136_TSIG_SECRET',
          valueFrom: {
            secretKeyRef: {
              name: rfc2136.tsigSecretRef.name,
              key: rfc2136.tsigSecretRef.key,
            },
          },
        },
      ],
    },
    secrets: [
      {
        namespace: ctx.addon.namespace,
        name: rfc2136.tsigSecretRef.name,
        key: rfc2136.tsigSecretRef.key,
        description: certManagerTsig(spec)?.shared
          ? `Copy of the TSIG secret of key ${rfc2136.tsigKeyName} for ExternalDNS (same value as in cert-manager's namespace).`
          : `TSIG secret (base64, as in the BIND key file) of key ${rfc2136.tsigKeyName} on ${rfc2136.host}, for ExternalDNS's updates of zone ${rfc2136.zone}.`,
      },
    ],
  };
};
