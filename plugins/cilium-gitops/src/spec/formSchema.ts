/**
 * The cilium-cluster template form's field constraints, generated from the
 * spec schema's field rules (`formRuleAt.ts`) with zod 4's `z.toJSONSchema`, and
 * merged into the template's `parameters` so form and spec cannot diverge.
 * Only the constraint keys below are generated; titles, descriptions,
 * defaults, `not`, `ui:*` keys, page layout and comments stay as written.
 */
import { z } from 'zod';
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar } from 'yaml';
import type { YAMLMap, YAMLSeq } from 'yaml';
import { formRuleAt } from './formRuleAt';

/** The keys the generator owns, in the order it writes them. */
export const GENERATED_KEYS = [
  'type',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'enum',
  'minItems',
  'items',
] as const;

/**
 * Form field (dotted through nested form objects) → the spec field it fills
 * (see the template's validate step); its rule is read from the spec schema.
 */
export const FORM_FIELDS: Record<string, string> = {
  name: 'metadata.name',
  clusterId: 'spec.clusterId',
  apiServerHost: 'spec.controlPlane.apiServerHost',
  apiServerPort: 'spec.controlPlane.apiServerPort',
  apiServerCA: 'spec.controlPlane.apiServerCA',
  podCIDR: 'spec.network.podCIDR',
  serviceCIDR: 'spec.network.serviceCIDR',
  routingMode: 'spec.network.routingMode',
  lbPoolCIDR: 'spec.network.loadBalancerPools[0].cidr',
  bgpLocalASN: 'spec.bgp.localASN',
  bgpPeerAddress: 'spec.bgp.peers[0].address',
  bgpPeerASN: 'spec.bgp.peers[0].asn',
  'router.hostname': 'spec.bgp.router.hostname',
  'router.asn': 'spec.bgp.router.asn',
  'router.routerId': 'spec.bgp.router.routerId',
  'router.workerNodeCIDR': 'spec.bgp.router.workerNodeCIDR',
  'router.workerNodes': 'spec.bgp.router.workerNodes',
  'router.upstream.address': 'spec.bgp.router.upstream.address',
  'router.upstream.asn': 'spec.bgp.router.upstream.asn',
  domain: 'spec.dns.domain',
  dnsServerHost: 'spec.dns.rfc2136.host',
  dnsServerPort: 'spec.dns.rfc2136.port',
  dnsZone: 'spec.dns.rfc2136.zone',
  tsigKeyName: 'spec.dns.rfc2136.tsigKeyName',
  tsigAlgorithm: 'spec.dns.rfc2136.tsigAlgorithm',
  tsigSecretName: 'spec.dns.rfc2136.tsigSecretRef.name',
  tsigSecretKey: 'spec.dns.rfc2136.tsigSecretRef.key',
  acmeEmail: 'spec.tls.acme.email',
  acmeServer: 'spec.tls.acme.server',
  clusterIssuer: 'spec.tls.clusterIssuer',
  grafanaHost: 'spec.observability.grafanaHost',
  hubbleUIHost: 'spec.observability.hubbleUIHost',
  grafanaAdminSecretName: 'spec.observability.grafanaAdminSecretRef.name',
  grafanaAdminSecretKey: 'spec.observability.grafanaAdminSecretRef.key',
  meshPeers: 'spec.clusterMesh.peers',
  gitopsRepoURL: 'spec.gitops.repoURL',
};

/** The generated constraints of one form field, keys in `GENERATED_KEYS` order. */
export function formFieldSchema(formField: string): Record<string, unknown> {
  const json = z.toJSONSchema(formRuleAt(FORM_FIELDS[formField]), {
    target: 'draft-7',
  }) as Record<string, unknown>;
  return ordered(json);
}

function ordered(json: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of GENERATED_KEYS) {
    if (json[key] === undefined) continue;
    const value = json[key];
    if (key === 'items') out[key] = ordered(value as Record<string, unknown>);
    // RegExp#source writes "/" as "\/"; the form's pattern needs no escape
    else if (key === 'pattern')
      out[key] = String(value).replace(/(?<!\\)\\\//g, '/');
    else out[key] = value;
  }
  return out;
}

/**
 * Every form property node (a map with a `title`) by its form path: keys
 * under `properties` add a segment, other keys (`dependencies`, `oneOf`) do not.
 */
function formProperties(doc: Document): Map<string, YAMLMap> {
  const found = new Map<string, YAMLMap>();
  const visit = (node: unknown, path: string[], isProperty: boolean) => {
    if (isSeq(node)) {
      for (const item of node.items) visit(item, path, false);
      return;
    }
    if (!isMap(node)) return;
    if (isProperty && node.has('title')) found.set(path.join('.'), node);
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (key === 'properties' && isMap(pair.value)) {
        for (const prop of pair.value.items) {
          const name = isScalar(prop.key) ? String(prop.key.value) : '';
          visit(prop.value, [...path, name], true);
        }
      } else visit(pair.value, path, false);
    }
  };
  visit(doc.getIn(['spec', 'parameters'], true), [], false);
  return found;
}

/** Writes the generated constraints after the property's title/description. */
function setConstraints(
  doc: Document,
  node: YAMLMap,
  schema: Record<string, unknown>,
) {
  for (const key of GENERATED_KEYS) node.delete(key);
  let at = node.items.findIndex(pair => {
    const key = isScalar(pair.key) ? pair.key.value : undefined;
    return key !== 'title' && key !== 'description';
  });
  if (at < 0) at = node.items.length;
  const pairs = Object.entries(schema).map(([key, value]) => {
    const pair = doc.createPair(key, value);
    if (key === 'pattern') (pair.value as Scalar).type = 'QUOTE_SINGLE';
    if (key === 'enum') (pair.value as YAMLSeq).flow = true;
    if (key === 'items') {
      const pattern = (pair.value as YAMLMap).get('pattern', true);
      if (isScalar(pattern)) pattern.type = 'QUOTE_SINGLE';
    }
    return pair;
  });
  node.items.splice(at, 0, ...(pairs as typeof node.items));
}

/**
 * The template text with every form field of `FORM_FIELDS` carrying its
 * generated constraints. Throws naming a field the template lacks.
 */
export function mergeFormSchema(templateText: string): string {
  const doc = parseDocument(templateText);
  if (doc.errors.length > 0) throw doc.errors[0];
  const properties = formProperties(doc);
  for (const field of Object.keys(FORM_FIELDS)) {
    const node = properties.get(field);
    if (!node) throw new Error(`the template has no form field ${field}`);
    setConstraints(doc, node, formFieldSchema(field));
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
