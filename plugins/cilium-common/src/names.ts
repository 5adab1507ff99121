/**
 * Kubernetes name rules (DNS-1123), the one home for every package: the
 * spec schema, the add-on catalog, the backend's query and config checks,
 * the scaffolder's repository names and the frontend's namespace filter.
 * Kubernetes: k8s.io/apimachinery/pkg/util/validation/validation.go
 * (IsDNS1123Label: `[a-z0-9]([-a-z0-9]*[a-z0-9])?`, at most 63 characters;
 * IsDNS1123Subdomain: dot-separated labels, at most 253 characters).
 */

/** The DNS-1123 label pattern, without the length limit. */
export const DNS_1123_LABEL_PATTERN = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$';
const LABEL = new RegExp(DNS_1123_LABEL_PATTERN);
/** The DNS-1123 subdomain pattern (dot-separated labels), without the length limit. */
export const DNS_1123_SUBDOMAIN_PATTERN =
  '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$';

/** Upper bound of a DNS-1123 label (namespace, Service, cluster names). */
export const DNS_1123_LABEL_MAX = 63;
/** Upper bound of a DNS-1123 subdomain (most object names). */
export const DNS_1123_SUBDOMAIN_MAX = 253;

/** The rule a DNS-1123 label breaks, in words a user can act on. */
export function dns1123LabelRule(max: number = DNS_1123_LABEL_MAX): string {
  return `a DNS-1123 label of at most ${max} characters (lowercase letters, digits and "-", starting and ending with a letter or digit)`;
}

/** Lowercase letters, digits and '-', alphanumeric at both ends, ≤ `max` characters. */
export function isDns1123Label(
  value: string,
  max: number = DNS_1123_LABEL_MAX,
): boolean {
  return value.length <= max && LABEL.test(value);
}

/** Dot-separated DNS-1123 labels, at most 253 characters (a Kubernetes object name). */
export function isDns1123Subdomain(value: string): boolean {
  return (
    value.length <= DNS_1123_SUBDOMAIN_MAX &&
    value.split('.').every(part => LABEL.test(part))
  );
}
