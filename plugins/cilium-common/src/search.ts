import { GatewayInfo, HttpRouteInfo } from './types/gatewayApi';

const lower = (parts: string[]) => parts.join(' ').toLocaleLowerCase('en-US');

/**
 * What a Gateway search matches: namespace, name, `namespace/name`, class,
 * addresses, listener names and hostnames (lower-cased).
 */
export function gatewaySearchText(g: GatewayInfo): string {
  return lower([
    g.namespace,
    g.name,
    `${g.namespace}/${g.name}`,
    g.gatewayClassName,
    ...g.addresses,
    ...g.listeners.flatMap(l => [l.name, l.hostname ?? '']),
  ]);
}

/**
 * What an HTTPRoute search matches: namespace, name, `namespace/name`,
 * hostnames, parent Gateways and backend Services (lower-cased).
 */
export function httpRouteSearchText(r: HttpRouteInfo): string {
  return lower([
    r.namespace,
    r.name,
    `${r.namespace}/${r.name}`,
    ...r.hostnames,
    ...r.parentRefs.map(p => p.name),
    ...r.rules.flatMap(rule => rule.backendRefs.map(b => b.name)),
  ]);
}

/** The lower-cased, whitespace-separated terms of a search query. */
export function searchTerms(q: string | undefined): string[] {
  const trimmed = (q ?? '').trim().toLocaleLowerCase('en-US');
  return trimmed ? trimmed.split(/\s+/) : [];
}

/** Whether a search text contains every term. */
export function matchesTerms(text: string, terms: readonly string[]): boolean {
  for (const t of terms) if (!text.includes(t)) return false;
  return true;
}
