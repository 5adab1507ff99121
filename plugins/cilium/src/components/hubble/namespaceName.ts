const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Empty (all namespaces) or a Kubernetes namespace name (DNS-1123 label). */
export function isValidNamespace(ns: string): boolean {
  const t = ns.trim();
  return t === '' || (t.length <= 63 && DNS_1123_LABEL.test(t));
}
