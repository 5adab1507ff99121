import type { IClusterIssuer } from '@kubernetes-models/cert-manager/cert-manager.io/v1';
import type { ClusterSpec } from '../../spec/types';
import type { ComponentRenderer } from '../types';
import { certManagerTsigAlgorithm, hostPort } from './clusterFacts';
import { toKubeObject } from './kubeObject';

/**
 * The TSIG key cert-manager signs its DNS-01 updates with: `tls.rfc2136`
 * (a key of its own, as in the recipe) where set, else ExternalDNS's key of
 * `dns.rfc2136`.
 */
export function certManagerTsig(spec: ClusterSpec) {
  const rfc2136 = spec.spec.dns.rfc2136;
  if (!rfc2136) return undefined;
  const own = spec.spec.tls?.rfc2136;
  return {
    keyName: own?.tsigKeyName ?? rfc2136.tsigKeyName,
    algorithm: own?.tsigAlgorithm ?? rfc2136.tsigAlgorithm,
    secretRef: own?.tsigSecretRef ?? rfc2136.tsigSecretRef,
    shared: !own,
  };
}

/**
 * The ACME ClusterIssuer (`tls.clusterIssuer`) solving DNS-01 over RFC2136.
 * The TSIG key is read from a Secret the user creates in cert-manager's
 * namespace (its cluster resource namespace); the spec only names it.
 */
export const renderCertManagerIssuers: ComponentRenderer = ctx => {
  const { tls, dns } = ctx.spec.spec;
  const rfc2136 = dns.rfc2136;
  const tsig = certManagerTsig(ctx.spec);
  if (!tls || !rfc2136 || !tsig) return {};
  const issuer: IClusterIssuer = {
    apiVersion: 'cert-manager.io/v1',
    kind: 'ClusterIssuer',
    metadata: { name: tls.clusterIssuer },
    spec: {
      acme: {
        server: tls.acme.server,
        email: tls.acme.email,
        // The ACME account key; cert-manager creates this Secret itself.
        privateKeySecretRef: { name: `${tls.clusterIssuer}-account-key` },
        solvers: [
          {
            dns01: {
              rfc2136: {
                nameserver: hostPort(rfc2136.host, rfc2136.port),
                tsigKeyName: tsig.keyName,
                tsigAlgorithm: certManagerTsigAlgorithm(tsig.algorithm),
                tsigSecretSecretRef: {
                  name: tsig.secretRef.name,
                  key: tsig.secretRef.key,
                },
              },
            },
          },
        ],
      },
    },
  };
  return {
    manifests: [toKubeObject(issuer)],
    secrets: [
      {
        namespace: ctx.addon.namespace,
        name: tsig.secretRef.name,
        key: tsig.secretRef.key,
        description: `TSIG secret (base64, as in the BIND key file) of key ${tsig.keyName} on ${rfc2136.host}, for cert-manager's DNS-01 challenges in zone ${rfc2136.zone}.`,
      },
    ],
  };
};
