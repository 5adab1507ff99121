import fs from 'node:fs';
import path from 'node:path';
import {
  DNS_1123_LABEL_PATTERN,
  DNS_1123_SUBDOMAIN_PATTERN,
  isDns1123Label,
  isDns1123Subdomain,
} from '@internal/plugin-cilium-common';
import yaml from 'yaml';

const TEMPLATES = path.resolve(__dirname, '../../../templates');

/** Every `pattern` in a template's parameters, with the property's path. */
function patterns(node: unknown, at = ''): [string, string, number?][] {
  if (!node || typeof node !== 'object') return [];
  const out: [string, string, number?][] = [];
  const obj = node as Record<string, unknown>;
  if (typeof obj.pattern === 'string')
    out.push([at, obj.pattern, obj.maxLength as number | undefined]);
  for (const [key, value] of Object.entries(obj))
    out.push(...patterns(value, `${at}/${key}`));
  return out;
}

const PROBES = [
  'a',
  'c1',
  'kube-system',
  'Upper',
  '-a',
  'a-',
  'a.b',
  'a_b',
  '',
];

describe.each(['cilium-cluster', 'cilium-cluster-change'])(
  'templates/%s uses the one DNS-1123 rule of cilium-common',
  name => {
    const doc = yaml.parse(
      fs.readFileSync(path.join(TEMPLATES, name, 'template.yaml'), 'utf8'),
    );
    // Every lowercase name pattern (not a `<namespace>/<name>` reference).
    const nameLike = patterns(doc.spec.parameters).filter(
      ([, p]) => p.startsWith('^[a-z0-9]') && !p.includes('/'),
    );

    it('has name fields', () => {
      expect(nameLike.length).toBeGreaterThan(0);
    });

    it.each(nameLike)('%s is spelled as the shared pattern', (_at, p, max) => {
      expect([DNS_1123_LABEL_PATTERN, DNS_1123_SUBDOMAIN_PATTERN]).toContain(p);
      // The form accepts what the shared rule accepts.
      const re = new RegExp(p);
      const rule =
        p === DNS_1123_LABEL_PATTERN ? isDns1123Label : isDns1123Subdomain;
      for (const probe of PROBES)
        expect([probe, re.test(probe)]).toEqual([probe, rule(probe)]);
      expect(max ?? 0).toBeLessThanOrEqual(253);
    });
  },
);
