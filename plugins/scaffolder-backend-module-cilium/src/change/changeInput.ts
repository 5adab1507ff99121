/** The action's `change` input: a typed cluster change, as zod checks it. */
import { plainZodMessages, type ClusterChange } from '@internal/cilium-gitops';
import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { dropNullFields } from '../lib/specInput';

const weight = z.number().int();

/** A split's backends as `{ name: weight }` or `[{ name, weight }]` (what a form array gives). */
const backends = z.preprocess(
  value =>
    Array.isArray(value)
      ? Object.fromEntries(value.map(b => [b?.name, b?.weight]))
      : value,
  z.record(z.string(), weight, {
    error: issue =>
      issue.input === undefined
        ? 'is required: { <backend>: <weight> } or [{ name, weight }]'
        : 'must be { <backend>: <weight> } or [{ name, weight }]',
  }),
);

/**
 * The policies as a list, or as its JSON text (what a hidden form field
 * pre-filled from a link's query string holds).
 */
const policyList = z.preprocess(value => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}, z.array(z.unknown(), { error: 'must be a list of CiliumNetworkPolicy objects or its JSON text' }));

/** Description sections; a template passes every section, those without Markdown are left out. */
const sectionList = z.preprocess(
  value =>
    Array.isArray(value)
      ? value.filter(
          s =>
            !(s && typeof s === 'object' && !String(s.markdown ?? '').trim()),
        )
      : value,
  z.array(z.unknown()),
);

export const changeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('split'), route: z.string(), backends }).strict(),
  z
    .object({
      kind: z.literal('addon'),
      name: z.string(),
      enabled: z.boolean(),
    })
    .strict(),
  z.object({ kind: z.literal('ciliumVersion'), version: z.string() }).strict(),
  z
    .object({
      kind: z.literal('meshPeer'),
      action: z.enum(['add', 'remove']),
      peer: z.string(),
    })
    .strict(),
  z
    .object({ kind: z.literal('lbPool'), name: z.string(), cidr: z.string() })
    .strict(),
  z
    .object({
      kind: z.literal('bgpPeer'),
      name: z.string(),
      address: z.string(),
      asn: z.number().int(),
    })
    .strict(),
  // Its rules (names, kind, namespace, caps) live with the pipeline, in
  // @internal/cilium-gitops change/policies.ts; planChange checks them all.
  z
    .object({
      kind: z.literal('policies'),
      namespace: z.string(),
      policies: policyList,
      sections: sectionList.optional(),
    })
    .strict(),
]);

export type ChangeInput = z.input<typeof changeSchema>;

/** The typed change, or an InputError naming each bad field (`change.route`, …). */
export function parseChangeInput(input: unknown): ClusterChange {
  // Templates send `null` for the fields of the other change kinds.
  const result = changeSchema.safeParse(dropNullFields(input), {
    error: plainZodMessages,
  });
  if (result.success) return result.data as ClusterChange;
  throw new InputError(
    `Invalid change:\n${result.error.issues
      .map(i => `  - ${['change', ...i.path].join('.')}: ${i.message}`)
      .join('\n')}`,
  );
}
