/**
 * Zod field types of the cluster spec. Each one fails with a message that
 * names the rule, e.g. `10.0.0.0/33 is not a valid IPv4 CIDR`; the path is
 * added by `errors.ts`.
 */
import { z } from 'zod';
import { dns1123LabelRule } from '@internal/plugin-cilium-common';
import {
  EMAIL,
  HTTPS_URL,
  SECRET_KEY,
  dnsLabelRule,
  emailRule,
  fqdnRule,
  gitUrlRule,
  hostRule,
  httpsUrlRule,
  intRangeRule,
  ipv4CidrRule,
  ipv4Rule,
  k8sNameRule,
  passes,
  secretKeyRule,
  withFormRule,
} from './formRules';
import { ipv4CidrProblem, parseIpv4 } from './ipv4';
import { MAX_STRING, STRING_LIMITS } from './limits';
import { pemCertificatesProblem } from './pemCertificates';
import { SUPPORTED_CILIUM_MINORS } from './types';

const DNS_NAME_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/i;

function show(value: unknown): string {
  return JSON.stringify(value);
}

/** A lowercase DNS-1123 label of at most `max` characters. */
export function dnsLabel(max = 63) {
  const rule = dnsLabelRule(max);
  return withFormRule(rule, z.string()).superRefine((value, ctx) => {
    if (!passes(rule, value)) {
      ctx.addIssue({
        code: 'custom',
        message: `${show(value)} is not ${dns1123LabelRule(max)}`,
      });
    }
  });
}

/** A Kubernetes object name (DNS-1123 subdomain). */
export function k8sName() {
  const rule = k8sNameRule();
  return withFormRule(rule, z.string()).superRefine((value, ctx) => {
    if (!passes(rule, value)) {
      ctx.addIssue({
        code: 'custom',
        message: `${show(
          value,
        )} is not a valid Kubernetes name (DNS-1123 subdomain)`,
      });
    }
  });
}

export function isDnsName(value: string): boolean {
  const trimmed = value.endsWith('.') ? value.slice(0, -1) : value;
  const labels = trimmed.split('.');
  return (
    trimmed.length <= 253 &&
    labels.length >= 2 &&
    labels.every(label => DNS_NAME_LABEL.test(label)) &&
    !/^[0-9]+$/.test(labels[labels.length - 1])
  );
}

/** A fully qualified domain name such as `grafana.c1demo.example.net`. */
export function fqdn() {
  const rule = fqdnRule();
  return withFormRule(rule, z.string()).superRefine((value, ctx) => {
    if (!passes(rule, value) || !isDnsName(value)) {
      ctx.addIssue({
        code: 'custom',
        message: `${show(value)} is not a fully qualified domain name`,
      });
    }
  });
}

export function ipv4() {
  const rule = ipv4Rule();
  return withFormRule(rule, z.string()).superRefine((value, ctx) => {
    if (!passes(rule, value) || parseIpv4(value) === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `${show(value)} is not a valid IPv4 address`,
      });
    }
  });
}

/** An IPv4 address or a DNS name. */
export function host() {
  const rule = hostRule();
  return withFormRule(rule, z.string()).superRefine((value, ctx) => {
    if (
      !passes(rule, value) ||
      (parseIpv4(value) === undefined && !isDnsName(value))
    ) {
      ctx.addIssue({
        code: 'custom',
        message: `${show(value)} is neither an IPv4 address nor a DNS name`,
      });
    }
  });
}

export function ipv4Cidr() {
  const rule = ipv4CidrRule();
  return withFormRule(rule, z.string()).superRefine((value, ctx) => {
    const problem = passes(rule, value)
      ? ipv4CidrProblem(value)
      : `${value} is not a valid IPv4 CIDR`;
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

export function intRange(min: number, max: number, what: string) {
  const rule = intRangeRule(min, max);
  return withFormRule(rule, z.number()).superRefine((value, ctx) => {
    if (!passes(rule, value)) {
      ctx.addIssue({
        code: 'custom',
        message: `${value} is not ${what} (an integer ${min}..${max})`,
      });
    }
  });
}

/** AS_TRANS (RFC 6793) is a placeholder that must never be configured. */
const AS_TRANS = 23456;

export function asn() {
  return intRange(1, 4294967295, 'a valid ASN').superRefine((value, ctx) => {
    if (value === AS_TRANS) {
      ctx.addIssue({
        code: 'custom',
        message: `${value} is AS_TRANS (RFC 6793), reserved; use a private ASN (64512..65534 or 4200000000..4294967294)`,
      });
    }
  });
}

export function port() {
  return intRange(1, 65535, 'a valid port');
}

/**
 * `1.20.3` or `1.20` of a supported minor. YAML reads an unquoted `1.20` as
 * the number 1.2, so numbers get a hint to quote the version.
 */
export function ciliumVersion() {
  return z.unknown().superRefine((value, ctx) => {
    if (typeof value === 'number') {
      ctx.addIssue({
        code: 'custom',
        message: `${value} is a number; quote the version (e.g. "1.20"), YAML reads 1.20 as 1.2`,
      });
      return;
    }
    if (typeof value !== 'string') {
      ctx.addIssue({
        code: 'custom',
        message: `must be a version string such as "1.20.3"`,
      });
      return;
    }
    const match = /^v?([0-9]+\.[0-9]+)(\.[0-9]+)?$/.exec(value);
    if (!match) {
      ctx.addIssue({
        code: 'custom',
        message: `${show(
          value,
        )} is not a Cilium version such as "1.20.3" or "1.20"`,
      });
    } else if (
      !(SUPPORTED_CILIUM_MINORS as readonly string[]).includes(match[1])
    ) {
      ctx.addIssue({
        code: 'custom',
        message: `${show(
          value,
        )} is not supported (supported minors: ${SUPPORTED_CILIUM_MINORS.join(
          ', ',
        )})`,
      });
    }
  }) as unknown as z.ZodType<string, unknown>;
}

/**
 * PEM certificates (public data, e.g. a CA bundle): the rule is in
 * `pemCertificates.ts`; a private key is refused, and never echoed.
 */
export function pemCertificates(specPath: string) {
  // The form carries the length cap only; limits.ts enforces it on the spec.
  const rule = z.string().max(STRING_LIMITS[specPath] ?? MAX_STRING);
  return withFormRule(rule, z.string()).superRefine((value, ctx) => {
    const problem = pemCertificatesProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

/** A reference to a key of a Secret created out of band, never a value. */
export function secretRef() {
  return z
    .object(
      {
        name: k8sName(),
        key: withFormRule(
          secretKeyRule(),
          z.string().regex(SECRET_KEY, {
            message:
              'is not a valid Secret key (letters, digits, "-", "_", ".")',
          }),
        ),
      },
      {
        error: 'must be a Secret reference {name, key}, never a secret value',
      },
    )
    .strict();
}

export function gitUrl() {
  const rule = gitUrlRule();
  return withFormRule(rule, z.string()).superRefine((value, ctx) => {
    const ok =
      /^(https?|ssh|git|file):\/\/[^\s]+$/.test(value) ||
      /^[\w.-]+@[\w.-]+:[^\s]+$/.test(value);
    if (!ok) {
      ctx.addIssue({
        code: 'custom',
        message: `${show(
          value,
        )} is not a Git repository URL (https://, ssh://, git@host:path or file://)`,
      });
    } else if (/^https?:\/\/[^/]*@/.test(value)) {
      ctx.addIssue({
        code: 'custom',
        message:
          'must not contain credentials; configure repository credentials in Argo CD',
      });
    } else if (!passes(rule, value)) {
      // the form's pattern is exactly the two rules above; never reached
      // unless they drift apart (formRules.test.ts checks they do not)
      ctx.addIssue({
        code: 'custom',
        message: `${show(value)} is not a Git repository URL`,
      });
    }
  });
}

export function httpsUrl() {
  return withFormRule(
    httpsUrlRule(),
    z.string().regex(HTTPS_URL, { message: 'is not an https:// URL' }),
  );
}

export function email() {
  return withFormRule(
    emailRule(),
    z.string().regex(EMAIL, { message: 'is not an e-mail address' }),
  );
}

/** Kubernetes label key → value. */
export function labelMap() {
  const key =
    /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
  const value = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;
  return z.record(
    z.string().regex(key, { message: 'is not a valid label key' }),
    z.string().regex(value, { message: 'is not a valid label value' }),
  );
}
