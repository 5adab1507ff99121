/**
 * Spec fields for the recipe's details (issue 9, item 5), kept apart from
 * `schema.ts` so each section only spreads them in:
 *
 * - `dns.txtPrefix`: ExternalDNS TXT registry prefix. Default `external-dns-`,
 *   the value of ExternalDNS's RFC2136 tutorial (docs/tutorials/rfc2136.md),
 *   which the recipe follows: ownership records live beside, not on, the
 *   published names, so a name can also be a CNAME.
 * - `tls.dns01RecursiveNameservers`: where cert-manager checks DNS-01
 *   propagation (`host:port`); default: the RFC2136 server.
 * - `tls.rfc2136`: an optional TSIG key of cert-manager's own; default: the
 *   ExternalDNS key of `dns.rfc2136`.
 * - `observability.apiServerScrape`: how Prometheus checks the API server's
 *   certificate: the recipe's skip (default), the cluster CA with a server
 *   name, or a CA from a Secret.
 */
import { z } from 'zod';
import { host, port, secretRef } from './fields';

const TSIG_ALGORITHMS = [
  'hmac-sha256',
  'hmac-sha384',
  'hmac-sha512',
  'hmac-sha1',
  'hmac-md5',
] as const;

export const tsigKeyName = () =>
  z.string().regex(/^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/, {
    message: 'is not a TSIG key name (letters, digits, "-", "_", ".")',
  });

export const tsigAlgorithm = () => z.enum(TSIG_ALGORITHMS);

/** ExternalDNS's TXT prefix of the RFC2136 tutorial. */
export const DEFAULT_TXT_PREFIX = 'external-dns-';

/** Fields of `spec.dns`. */
export const dnsRecipeFields = {
  txtPrefix: z
    .string()
    .regex(/^[a-z0-9]([-a-z0-9_.]*[-a-z0-9_.])?$/, {
      message:
        'is not a TXT record prefix (lowercase letters, digits, "-", "_", ".")',
    })
    .max(40, { message: 'is longer than 40 characters' })
    .default(DEFAULT_TXT_PREFIX),
};

/** `host:port` of a DNS server (port required). */
const nameserver = () =>
  z.string().superRefine((value, ctx) => {
    const m = /^(.+):(\d{1,5})$/.exec(value);
    const hostOk = m && host().safeParse(m[1]).success;
    const portOk = m && port().safeParse(Number(m[2])).success;
    if (!hostOk || !portOk) {
      ctx.addIssue({
        code: 'custom',
        message: `${JSON.stringify(
          value,
        )} is not host:port of a DNS server (e.g. 10.53.0.2:53)`,
      });
    }
  });

/** Fields of `spec.tls`. */
export const tlsRecipeFields = {
  dns01RecursiveNameservers: z
    .array(nameserver())
    .min(1, { message: 'needs at least one nameserver, or leave it out' })
    .optional(),
  rfc2136: z
    .object({
      tsigKeyName: tsigKeyName().optional(),
      tsigAlgorithm: tsigAlgorithm().optional(),
      tsigSecretRef: secretRef(),
    })
    .strict()
    .optional(),
};

/** Fields of `spec.observability`. */
export const observabilityRecipeFields = {
  apiServerScrape: z
    .object({
      insecureSkipVerify: z.boolean().optional(),
      // A name in the certificate: a DNS name or a single label (`kubernetes`).
      serverName: z
        .string()
        .regex(
          /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*$/i,
          {
            message: 'is not a host name such as kubernetes or api.example.net',
          },
        )
        .default('kubernetes'),
      caSecretRef: secretRef().optional(),
    })
    .strict()
    .superRefine((value, ctx) => {
      if (value.caSecretRef && value.insecureSkipVerify === true) {
        ctx.addIssue({
          code: 'custom',
          path: ['insecureSkipVerify'],
          message:
            'cannot be true together with caSecretRef (a CA is only for verifying)',
        });
      }
    })
    .prefault({}),
};
