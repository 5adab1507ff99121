/**
 * The `policies` change: a proposed set of CiliumNetworkPolicies for one
 * namespace, with optional Markdown sections for the commit or pull request
 * description (e.g. a readiness table and a replay result). Every rule of the
 * input lives here; each problem names its field (`policies[2].metadata.name`).
 */
import { z } from 'zod';
import { plainZodMessages } from '../plainZodMessages';
import { dnsLabel, k8sName } from '../spec/fields';
import type { SpecIssue } from '../spec/types';
import { ChangeError } from './ChangeError';

/** At most this many policies per proposal (one per workload and direction is the norm). */
export const MAX_POLICIES = 200;
/** Bytes of one policy as JSON; far below etcd's 1.5 MiB request limit. */
export const MAX_POLICY_BYTES = 256 * 1024;
/** Bytes of all policies together as JSON. */
export const MAX_POLICIES_BYTES = 2 * 1024 * 1024;
export const MAX_SECTIONS = 10;
export const MAX_SECTION_TITLE = 200;
/**
 * Characters of all sections' Markdown together: GitHub refuses a pull
 * request body over 65,536 characters, and the body also lists the files.
 */
export const MAX_SECTIONS_CHARS = 60_000;

/**
 * The spec's shape as the CRD requires it (cilium/cilium
 * pkg/k8s/apis/cilium.io/client/crds/v2/ciliumnetworkpolicies.yaml, v2
 * `openAPIV3Schema.properties.spec`): exactly one of `endpointSelector` and
 * `nodeSelector` (`oneOf`), and at least one of `ingress`, `ingressDeny`,
 * `egress`, `egressDeny` (`anyOf`). The rules inside are the caller's.
 */
const RULE_LISTS = ['ingress', 'ingressDeny', 'egress', 'egressDeny'] as const;

const policySpec = z
  .record(z.string(), z.unknown(), {
    error: issue =>
      issue.input === undefined ? 'is required' : 'must be an object',
  })
  .superRefine((spec, ctx) => {
    const selectors = ['endpointSelector', 'nodeSelector'].filter(
      k => spec[k] !== undefined,
    );
    if (selectors.length !== 1)
      ctx.addIssue({
        code: 'custom',
        message: `needs exactly one of endpointSelector and nodeSelector (the CRD's oneOf)${
          selectors.length ? `, got both` : ''
        }`,
      });
    if (!RULE_LISTS.some(k => spec[k] !== undefined))
      ctx.addIssue({
        code: 'custom',
        message: `needs at least one of ${RULE_LISTS.join(
          ', ',
        )} (the CRD's anyOf)`,
      });
    for (const key of RULE_LISTS)
      if (spec[key] !== undefined && !Array.isArray(spec[key]))
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'must be a list of rules',
        });
  });

const stringMap = z.record(z.string(), z.string(), {
  error: 'must be a map of strings',
});

export const ciliumNetworkPolicySchema = z
  .object({
    apiVersion: z.literal('cilium.io/v2', {
      error: 'must be "cilium.io/v2"',
    }),
    kind: z.literal('CiliumNetworkPolicy', {
      error: 'must be "CiliumNetworkPolicy"',
    }),
    metadata: z
      .object({
        name: k8sName(),
        namespace: dnsLabel(63),
        labels: stringMap.optional(),
        annotations: stringMap.optional(),
      })
      // uid, resourceVersion, managedFields, ... are the API server's: in Git they drift.
      .strict(),
    spec: policySpec,
  })
  .strict();

export type CiliumNetworkPolicy = z.infer<typeof ciliumNetworkPolicySchema>;

export const descriptionSectionSchema = z
  .object({
    title: z.string().min(1).max(MAX_SECTION_TITLE),
    markdown: z.string(),
  })
  .strict();

export type DescriptionSection = z.infer<typeof descriptionSectionSchema>;

function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

export const policyChangeSchema = z
  .object({
    kind: z.literal('policies'),
    namespace: dnsLabel(63),
    policies: z
      .array(ciliumNetworkPolicySchema)
      .min(1, 'needs at least one CiliumNetworkPolicy')
      .max(MAX_POLICIES, `holds at most ${MAX_POLICIES} policies per proposal`),
    sections: z
      .array(descriptionSectionSchema)
      .max(MAX_SECTIONS, `holds at most ${MAX_SECTIONS} sections`)
      .optional(),
  })
  .strict()
  .superRefine((change, ctx) => {
    const seen = new Set<string>();
    change.policies.forEach((policy, i) => {
      const at = ['policies', i];
      if (policy.metadata.namespace !== change.namespace)
        ctx.addIssue({
          code: 'custom',
          path: [...at, 'metadata', 'namespace'],
          message: `is ${JSON.stringify(
            policy.metadata.namespace,
          )}, but the proposal is for namespace ${JSON.stringify(
            change.namespace,
          )}`,
        });
      if (seen.has(policy.metadata.name))
        ctx.addIssue({
          code: 'custom',
          path: [...at, 'metadata', 'name'],
          message: `${JSON.stringify(
            policy.metadata.name,
          )} is given twice (one file per policy name)`,
        });
      seen.add(policy.metadata.name);
      const bytes = jsonBytes(policy);
      if (bytes > MAX_POLICY_BYTES)
        ctx.addIssue({
          code: 'custom',
          path: at,
          message: `is ${bytes} bytes as JSON; at most ${MAX_POLICY_BYTES} per policy`,
        });
    });
    const total = jsonBytes(change.policies);
    if (total > MAX_POLICIES_BYTES)
      ctx.addIssue({
        code: 'custom',
        path: ['policies'],
        message: `are ${total} bytes as JSON; at most ${MAX_POLICIES_BYTES} together`,
      });
    const chars = (change.sections ?? []).reduce(
      (n, s) => n + s.title.length + s.markdown.length,
      0,
    );
    if (chars > MAX_SECTIONS_CHARS)
      ctx.addIssue({
        code: 'custom',
        path: ['sections'],
        message: `are ${chars} characters; at most ${MAX_SECTIONS_CHARS} together (GitHub limits a pull request body to 65,536)`,
      });
  });

export type PolicyChange = z.infer<typeof policyChangeSchema>;

function fieldPath(path: PropertyKey[]): string {
  return path
    .map((p, i) => {
      if (typeof p === 'number') return `[${p}]`;
      return i === 0 ? String(p) : `.${String(p)}`;
    })
    .join('');
}

/** The validated change, or a {@link ChangeError} naming each bad field. */
export function parsePolicyChange(input: unknown): PolicyChange {
  const result = policyChangeSchema.safeParse(input, {
    error: plainZodMessages,
  });
  if (result.success) return result.data;
  const issues: SpecIssue[] = result.error.issues.map(i => ({
    path: fieldPath(i.path) || 'change',
    message:
      i.code === 'unrecognized_keys'
        ? `unknown field(s) ${i.keys.join(', ')}`
        : i.message,
  }));
  throw new ChangeError(issues);
}
