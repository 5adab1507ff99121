import { ConfigReader } from '@backstage/config';
import { readClusterLocators } from './clusterLocators';

type ConfigData = NonNullable<ConstructorParameters<typeof ConfigReader>[0]>;

const read = (cilium: ConfigData[string]) =>
  readClusterLocators(new ConfigReader({ cilium }));

describe('readClusterLocators', () => {
  it('reads only configured clusters when no locator is set', () => {
    expect(read({})).toEqual({ config: true });
  });

  it('reads the catalog locator with per-cluster and default tokens', () => {
    const locators = read({
      clusterLocatorMethods: [
        {
          type: 'catalog',
          serviceAccountToken: 'default',
          clusters: [{ name: 'eu', serviceAccountToken: 'eu-token' }],
        },
      ],
    });
    expect(locators.config).toBe(false);
    expect(locators.catalog).toEqual({
      tokens: new Map([['eu', 'eu-token']]),
      defaultToken: 'default',
      refreshSeconds: 300,
    });
  });

  it('names the field and the rule for a bad locator', () => {
    expect(() => read({ clusterLocatorMethods: [{ type: 'gke' }] })).toThrow(
      "cilium.clusterLocatorMethods[0].type must be 'config' or 'catalog', got 'gke'",
    );
    expect(() =>
      read({
        clusterLocatorMethods: [{ type: 'catalog', refreshIntervalSeconds: 0 }],
      }),
    ).toThrow(
      'cilium.clusterLocatorMethods[0].refreshIntervalSeconds must be a positive number',
    );
  });
});
