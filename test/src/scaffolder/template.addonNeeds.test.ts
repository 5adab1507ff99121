import fs from 'node:fs';
import path from 'node:path';
import { ADDON_NEEDS, needsText } from '@internal/plugin-cilium-common';
import yaml from 'yaml';

const TEMPLATE = path.resolve(
  __dirname,
  '../../../templates/cilium-cluster/template.yaml',
);

/** The form's properties, by name, over every page. */
function formProperties(): Record<string, { description?: string }> {
  const doc = yaml.parse(fs.readFileSync(TEMPLATE, 'utf8'));
  return Object.assign(
    {},
    ...doc.spec.parameters.map((page: any) => page.properties ?? {}),
  );
}

describe('the Cilium cluster form and the add-on dependency table', () => {
  const properties = formProperties();
  const switches = [
    ...new Set(
      ADDON_NEEDS.map(n => n.who).filter(w => /^(addons|demoApps)\./.test(w)),
    ),
  ];

  it.each(switches)('%s says what it needs, as the table does', who => {
    const name = who.split('.')[1];
    expect(properties[name]).toBeDefined();
    expect(properties[name].description).toBe(needsText(who));
  });

  it.each([
    ['certManager', 'addons.certManager'],
    ['externalDNS', 'addons.externalDNS'],
    ['openebs', 'addons.openebs'],
    ['echo', 'demoApps.echo'],
  ])('%s claims no need, as the table has none', (name, who) => {
    expect(needsText(who)).toBeUndefined();
    expect(properties[name].description ?? '').not.toMatch(/needs/i);
  });
});
