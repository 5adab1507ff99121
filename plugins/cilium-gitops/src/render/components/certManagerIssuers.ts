import type { IClusterIssuer } from '@kubernetes-models/cert-manager/cert-manager.io/v1';
import type { ComponentRenderer } from '../types';
import { certManagerTsigAlgorithm, hostPort } from './clusterFacts';
import { toKubeObject } from './kubeObject';

/**
 * The ACME ClusterIssuer (`tls.clusterIssuer`) solving DNS-01 over RFC2136.
 * The TSIG key is read from a Secret the user creates in cert-manager's
 * namespace (its cluster resource namespace); the spec only names it.
 */
export const renderCertManagerIssuers: ComponentRenderer = ctx => {
  const { tls, dns } = ctx.spec.spec;
  const rfc2136 = dns.rfc2136;
  if (!tls || !rfc2136) return {};
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
                tsigKeyName: rfc2136.tsigKeyName,
                tsigAlgorithm: certManagerTsigAlgorithm(rfc2136.tsigAlgorithm),
                tsigSecretSecretRef: {
                  name: rfc2136.tsigSecretRef.name,
                  key: rfc2136.tsigSecretRef.key,
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
        name: rfc2136.tsigSecretRef.name,
        key: rfc2136.tsigSecretRef.key,
        description: `TSIG secret (base64, as in the BIND key file) of key ${rfc2136.tsigKeyName} on ${rfc2136.host}, for cert-manager's DNS-01 challenges in zone ${rfc2136.zone}.`,
      },
    ],
  };
};
