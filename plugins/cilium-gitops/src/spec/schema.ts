/**
 * The zod schema of `cluster.yaml`: structure, field rules and defaults.
 * Every object is strict, so a pasted `tsigSecret: ...` is an error naming
 * the field. Cross-field rules live in `rules/`.
 */
import { z } from 'zod';
import {
  asn,
  ciliumVersion,
  dnsLabel,
  email,
  fqdn,
  gitUrl,
  host,
  httpsUrl,
  intRange,
  ipv4,
  ipv4Cidr,
  k8sName,
  labelMap,
  pemCertificates,
  port,
  secretRef,
} from './fields';
import {
  ROUTING_MODES,
  TSIG_ALGORITHMS,
  TSIG_KEY_NAME,
  tsigKeyNameRule,
  withFormRule,
} from './formRules';
import {
  dnsRecipeFields,
  observabilityRecipeFields,
  tlsRecipeFields,
} from './recipeFields';
import { trafficSchema } from './traffic';
import {
  CATALOG_AUTH_PROVIDERS,
  CLUSTER_SPEC_API_VERSION,
  CLUSTER_SPEC_KIND,
} from './types';

/** Cilium's `cluster.name`: ≤ 32 chars, and `default` is rejected for id ≠ 0. */
const clusterName = dnsLabel(32).refine(value => value !== 'default', {
  message: '"default" is reserved by Cilium for clusters without an id',
});

const metadata = z
  .object({
    name: clusterName,
    owner: z
      .string()
      .regex(
        /^([a-z]+:)?([a-z0-9][-a-z0-9_.]*\/)?[a-zA-Z0-9][-a-zA-Z0-9_.]*$/,
        {
          message:
            'is not a Backstage entity reference (e.g. platform-team or group:default/platform-team)',
        },
      )
      .default('platform-team'),
    description: z.string().optional(),
  })
  .strict();

const loadBalancerPool = z
  .object({ name: dnsLabel(63), cidr: ipv4Cidr() })
  .strict();

const network = z
  .object({
    podCIDR: ipv4Cidr(),
    serviceCIDR: ipv4Cidr(),
    routingMode: z.enum(ROUTING_MODES).default('tunnel'),
    loadBalancerPools: z.array(loadBalancerPool).min(1, {
      message:
        'needs at least one pool (Gateways and Ingresses get their IPs from it)',
    }),
  })
  .strict();

const bgpPeer = z
  .object({
    name: dnsLabel(63),
    address: ipv4(),
    asn: asn(),
  })
  .strict();

const bgpRouter = z
  .object({
    hostname: dnsLabel(63),
    asn: asn(),
    routerId: ipv4(),
    workerNodeCIDR: ipv4Cidr(),
    workerNodes: z
      .array(ipv4())
      .min(1, { message: 'needs at least one worker node' }),
    upstream: z.object({ address: ipv4(), asn: asn() }).strict().optional(),
  })
  .strict();

const bgp = z
  .object({
    localASN: asn(),
    nodeSelector: labelMap().default({}),
    peers: z.array(bgpPeer).min(1, { message: 'needs at least one peer' }),
    router: bgpRouter.optional(),
  })
  .strict();

const rfc2136 = z
  .object({
    host: host(),
    port: port().default(53),
    zone: fqdn(),
    tsigKeyName: withFormRule(
      tsigKeyNameRule(),
      z.string().regex(TSIG_KEY_NAME, {
        message: 'is not a TSIG key name (letters, digits, "-", "_", ".")',
      }),
    ),
    tsigAlgorithm: z.enum(TSIG_ALGORITHMS).default('hmac-sha256'),
    tsigSecretRef: secretRef(),
  })
  .strict();

const tls = z
  .object({
    clusterIssuer: k8sName(),
    acme: z
      .object({
        email: email(),
        server: httpsUrl().default(
          'https://acme-v02.api.letsencrypt.org/directory',
        ),
      })
      .strict(),
    ...tlsRecipeFields,
  })
  .strict();

const observability = z
  .object({
    grafanaHost: fqdn(),
    hubbleUIHost: fqdn(),
    grafanaAdminSecretRef: secretRef(),
    ...observabilityRecipeFields,
  })
  .strict();

const addons = z
  .object({
    certManager: z.boolean().default(true),
    externalDNS: z.boolean().default(true),
    observability: z.boolean().default(true),
    openebs: z.boolean().default(true),
  })
  .strict();

const demoApps = z
  .object({
    bookinfo: z.boolean().default(false),
    echo: z.boolean().default(false),
    jobsApp: z.boolean().default(false),
  })
  .strict();

const body = z
  .object({
    clusterId: intRange(1, 255, 'a valid Cilium cluster id'),
    cilium: z
      .object({ version: ciliumVersion().optional() })
      .strict()
      .prefault({}),
    gitops: z
      .object({
        repoURL: gitUrl(),
        targetRevision: z
          .string()
          .regex(/^[^\s]+$/, { message: 'is not a Git branch, tag or commit' })
          .default('main'),
        argoCDURL: httpsUrl().optional(),
      })
      .strict(),
    controlPlane: z
      .object({
        apiServerHost: host(),
        apiServerPort: port().default(6443),
        external: z.boolean().default(false),
        authProvider: z.enum(CATALOG_AUTH_PROVIDERS).default('oidc'),
        oidcTokenProvider: dnsLabel().optional(),
        apiServerCA: pemCertificates('spec.controlPlane.apiServerCA').optional(),
      })
      .strict(),
    network,
    bgp: bgp.optional(),
    dns: z
      .object({
        domain: fqdn(),
        rfc2136: rfc2136.optional(),
        ...dnsRecipeFields,
      })
      .strict(),
    tls: tls.optional(),
    observability: observability.optional(),
    addons: addons.prefault({}),
    demoApps: demoApps.prefault({}),
    clusterMesh: z
      .object({
        peers: z.array(clusterName).default([]),
        apiserverIP: ipv4().optional(),
        peerIPs: z.record(clusterName, ipv4()).optional(),
        caName: dnsLabel(63).optional(),
      })
      .strict()
      .prefault({}),
    traffic: trafficSchema.optional(),
  })
  .strict();

export const clusterSpecSchema = z
  .object({
    apiVersion: z.literal(CLUSTER_SPEC_API_VERSION),
    kind: z.literal(CLUSTER_SPEC_KIND),
    metadata,
    spec: body,
  })
  .strict();

/** The schema's output: a {@link ClusterSpec} whose Cilium version may still be defaulted. */
export type ParsedClusterSpec = z.output<typeof clusterSpecSchema>;
