import { isDns1123Label } from '@internal/plugin-cilium-common';

/** Empty (all namespaces) or a Kubernetes namespace name (DNS-1123 label). */
export function isValidNamespace(ns: string): boolean {
  const t = ns.trim();
  return t === '' || isDns1123Label(t);
}
