import { enabledAddonIds } from './index';
import { catalog, exampleSpec, finalValues, render } from './testContext';

/** Keys whose string values would be a secret if they were not references. */
const SECRET_KEYS =
  /^(password|adminPassword|tsigSecret|secretValue|token|apiKey|caCert|tls\.key|ca\.key)$/i;

function secretValued(value: unknown, path = ''): string[] {
  if (Array.isArray(value))
    return value.flatMap((v, i) => secretValued(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) =>
      typeof v === 'string' &&
      SECRET_KEYS.test(k) &&
      !path.endsWith('Ref') &&
      !path.endsWith('secretKeyRef')
        ? [`${path}.${k}`]
        : secretValued(v, `${path}.${k}`),
    );
  }
  return [];
}

describe('no secret values in what the components render', () => {
  const ids = enabledAddonIds(exampleSpec());

  it.each(ids)('%s', id => {
    const out = render(id);
    const rendered = {
      values: catalog.addons[id].chart ? finalValues(id) : {},
      manifests: out.manifests ?? [],
    };
    expect(secretValued(rendered)).toEqual([]);
    expect(JSON.stringify(rendered)).not.toMatch(
      /--rfc2136-tsig-secret=|BEGIN [A-Z ]*PRIVATE KEY/,
    );
  });
});
