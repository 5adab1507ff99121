/**
 * The cilium-cluster template form's field constraints, generated from the
 * spec's field rules (`formRules.ts`) with zod 4's `z.toJSONSchema`, and
 * merged into the template's `parameters` so form and spec cannot diverge.
 * Only the constraint keys below are generated; titles, descriptions,
 * defaults, `not`, `ui:*` keys, page layout and comments stay as written.
 */
import { z } from 'zod/v4';
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar } from 'yaml';
import type { YAMLMap, YAMLSeq } from 'yaml';
import {
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
  routingModeRule,
  secretKeyRule,
  tsigAlgorithmRule,
  tsigKeyNameRule,
} from './formRules';

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

const asn = () => intRangeRule(1, 4294967295);
const port = () => intRangeRule(1, 65535);
/** Cilium's cluster.name (`schema.ts`); "default" stays a hand-written `not`. */
const clusterName = () => dnsLabelRule(32);

/**
 * Form field (dotted through nested form objects) → the spec field it fills
 * (see the template's validate step) and that field's rule.
 */
export const FORM_FIELDS: Record<string, { spec: string; rule: z.ZodType }> = {
  name: { spec: 'metadata.name', rule: clusterName() },
  clusterId: { spec: 'spec.clusterId', rule: intRangeRule(1, 255) },
  apiServerHost: { spec: 'spec.controlPlane.apiServerHost', rule: hostRule() },
  apiServerPort: { spec: 'spec.controlPlane.apiServerPort', rule: port() },
  podCIDR: { spec: 'spec.network.podCIDR', rule: ipv4CidrRule() },
  serviceCIDR: { spec: 'spec.network.serviceCIDR', rule: ipv4CidrRule() },
  routingMode: { spec: 'spec.network.routingMode', rule: routingModeRule() },
  lbPoolCIDR: {
    spec: 'spec.network.loadBalancerPools[0].cidr',
    rule: ipv4CidrRule(),
  },
  bgpLocalASN: { spec: 'spec.bgp.localASN', rule: asn() },
  bgpPeerAddress: { spec: 'spec.bgp.peers[0].address', rule: ipv4Rule() },
  bgpPeerASN: { spec: 'spec.bgp.peers[0].asn', rule: asn() },
  'router.hostname': {
    spec: 'spec.bgp.router.hostname',
    rule: dnsLabelRule(63),
  },
  'router.asn': { spec: 'spec.bgp.router.asn', rule: asn() },
  'router.routerId': { spec: 'spec.bgp.router.routerId', rule: ipv4Rule() },
  'router.workerNodeCIDR': {
    spec: 'spec.bgp.router.workerNodeCIDR',
    rule: ipv4CidrRule(),
  },
  'router.workerNodes': {
    spec: 'spec.bgp.router.workerNodes',
    rule: z.array(ipv4Rule()).min(1),
  },
  'router.upstream.address': {
    spec: 'spec.bgp.router.upstream.address',
    rule: ipv4Rule(),
  },
  'router.upstream.asn': { spec: 'spec.bgp.router.upstream.asn', rule: asn() },
  domain: { spec: 'spec.dns.domain', rule: fqdnRule() },
  dnsServerHost: { spec: 'spec.dns.rfc2136.host', rule: hostRule() },
  dnsServerPort: { spec: 'spec.dns.rfc2136.port', rule: port() },
  dnsZone: { spec: 'spec.dns.rfc2136.zone', rule: fqdnRule() },
  tsigKeyName: {
    spec: 'spec.dns.rfc2136.tsigKeyName',
    rule: tsigKeyNameRule(),
  },
  tsigAlgorithm: {
    spec: 'spec.dns.rfc2136.tsigAlgorithm',
    rule: tsigAlgorithmRule(),
  },
  tsigSecretName: {
    spec: 'spec.dns.rfc2136.tsigSecretRef.name',
    rule: k8sNameRule(),
  },
  tsigSecretKey: {
    spec: 'spec.dns.rfc2136.tsigSecretRef.key',
    rule: secretKeyRule(),
  },
  acmeEmail: { spec: 'spec.tls.acme.email', rule: emailRule() },
  acmeServer: { spec: 'spec.tls.acme.server', rule: httpsUrlRule() },
  clusterIssuer: { spec: 'spec.tls.clusterIssuer', rule: k8sNameRule() },
  grafanaHost: { spec: 'spec.observability.grafanaHost', rule: fqdnRule() },
  hubbleUIHost: { spec: 'spec.observability.hubbleUIHost', rule: fqdnRule() },
  grafanaAdminSecretName: {
    spec: 'spec.observability.grafanaAdminSecretRef.name',
    rule: k8sNameRule(),
  },
  grafanaAdminSecretKey: {
    spec: 'spec.observability.grafanaAdminSecretRef.key',
    rule: secretKeyRule(),
  },
  meshPeers: {
    spec: 'spec.clusterMesh.peers',
    rule: z.array(clusterName()),
  },
  gitopsRepoURL: { spec: 'spec.gitops.repoURL', rule: gitUrlRule() },
};

/** The generated constraints of one form field, keys in `GENERATED_KEYS` order. */
export function formFieldSchema(formField: string): Record<string, unknown> {
  const json = z.toJSONSchema(FORM_FIELDS[formField].rule, {
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
