/**
 * The part of each spec field rule that JSON Schema can carry (pattern,
 * length, integer range, enum), as zod 4 schemas so `z.toJSONSchema` turns
 * them into the template form's constraints (`formSchema.ts`). The spec's
 * field types (`fields.ts`) check these first, so a value the form rejects
 * is always one the spec rejects; the finer rules (CIDR host bits, AS_TRANS,
 * an all-digit top-level label, credentials in a URL) stay in the spec and
 * run in the template's validate step.
 */
import { z } from 'zod';
import {
  DNS_1123_LABEL_PATTERN,
  DNS_1123_SUBDOMAIN_MAX,
  DNS_1123_SUBDOMAIN_PATTERN,
} from '@internal/plugin-cilium-common';

const OCTET = '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
const IPV4 = `(${OCTET}\\.){3}${OCTET}`;
/** `ipv4CidrProblem` reads the prefix as one or two digits of value 0..32. */
const CIDR = `${IPV4}/(3[0-2]|[0-2]?[0-9])`;
/** A DNS label of `isDnsName` (either case); the name may end in a dot. */
const DNS_LABEL = '[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?';

/** A DNS-1123 label of at most `max` characters. */
export const dnsLabelRule = (max: number) =>
  z.string().regex(new RegExp(DNS_1123_LABEL_PATTERN)).max(max);

/** A Kubernetes object name (DNS-1123 subdomain). */
export const k8sNameRule = () =>
  z
    .string()
    .regex(new RegExp(DNS_1123_SUBDOMAIN_PATTERN))
    .max(DNS_1123_SUBDOMAIN_MAX);

/** Two or more DNS labels; `isDnsName` also refuses an all-digit last label. */
export const fqdnRule = () =>
  z.string().regex(new RegExp(`^(${DNS_LABEL}\\.)+${DNS_LABEL}\\.?$`));

export const ipv4Rule = () => z.string().regex(new RegExp(`^${IPV4}$`));

/** An IPv4 address or a DNS name: letters, digits, "-" and ".". */
export const hostRule = () =>
  z.string().regex(/^[A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9.])?$/);

/** `ipv4CidrProblem` also refuses host bits set. */
export const ipv4CidrRule = () => z.string().regex(new RegExp(`^${CIDR}$`));

export const intRangeRule = (min: number, max: number) =>
  z.number().int().min(min).max(max);

/** Patterns the spec checks with `.regex()` (`errors.ts` shows the value before its message). */
export const SECRET_KEY = /^[-._a-zA-Z0-9]{1,253}$/;
export const TSIG_KEY_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const HTTPS_URL = /^https:\/\/[^\s/]+(\/[^\s]*)?$/;

export const secretKeyRule = () => z.string().regex(SECRET_KEY);
export const tsigKeyNameRule = () => z.string().regex(TSIG_KEY_NAME);
export const emailRule = () => z.string().regex(EMAIL);
export const httpsUrlRule = () => z.string().regex(HTTPS_URL);

/**
 * https://, ssh://, git://, file:// or scp-like `user@host:path`; an
 * http(s) URL without `user@` before its path (credentials belong in Argo CD).
 */
export const gitUrlRule = () =>
  z
    .string()
    .regex(
      /^((https?):\/\/([^\s/@]+(\/[^\s]*)?|\/[^\s]*)|(ssh|git|file):\/\/[^\s]+|[\w.-]+@[\w.-]+:[^\s]+)$/,
    );

export const ROUTING_MODES = ['tunnel', 'native'] as const;
export const routingModeRule = () => z.enum(ROUTING_MODES);

export const TSIG_ALGORITHMS = [
  'hmac-sha256',
  'hmac-sha384',
  'hmac-sha512',
  'hmac-sha1',
  'hmac-md5',
] as const;
export const tsigAlgorithmRule = () => z.enum(TSIG_ALGORITHMS);

/** Spec field type → the form's part of its rule; read by `formRuleAt.ts`. */
const formRules = new WeakMap<z.ZodType, z.ZodType>();

/** Marks `schema` (a spec field type) as checking `rule` first; returns it. */
export function withFormRule<T extends z.ZodType>(
  rule: z.ZodType,
  schema: T,
): T {
  formRules.set(schema, rule);
  return schema;
}

/**
 * The rule `schema` or one of its parents was marked with: `.superRefine()`
 * and `.regex()` return clones whose `_zod.parent` is the type they refine
 * (zod's registries inherit metadata the same way).
 */
export function formRuleOf(schema: z.ZodType): z.ZodType | undefined {
  for (let s: z.core.$ZodType | undefined = schema; s; s = s._zod.parent) {
    const rule = formRules.get(s as z.ZodType);
    if (rule) return rule;
  }
  return undefined;
}

/** Whether `value` passes `rule` (the form's part of a field rule). */
export function passes(rule: z.ZodType, value: unknown): boolean {
  return rule.safeParse(value).success;
}
