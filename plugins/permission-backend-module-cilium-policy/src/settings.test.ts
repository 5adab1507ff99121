import { ConfigReader } from '@backstage/config';
import { readPolicySettings } from './settings';

const read = (permission: object) =>
  readPolicySettings(new ConfigReader({ permission }));

describe('readPolicySettings', () => {
  it('defaults to the production policy without admins', () => {
    expect(read({ enabled: true })).toEqual({
      mode: 'production',
      adminGroups: [],
    });
  });

  it('reads allow-all and normalises admin group refs', () => {
    expect(
      read({
        ciliumPolicy: 'allow-all',
        ciliumAdminGroups: ['platform-admins', 'Group:infra/net-admins'],
      }),
    ).toEqual({
      mode: 'allow-all',
      adminGroups: ['group:default/platform-admins', 'group:infra/net-admins'],
    });
  });

  it('names the key and the rule on bad values', () => {
    expect(() => read({ ciliumPolicy: 'open' })).toThrow(
      "permission.ciliumPolicy must be one of allow-all, production; got 'open'",
    );
    expect(() => read({ ciliumAdminGroups: ['group:'] })).toThrow(
      "permission.ciliumAdminGroups[0] must be a group entity ref like group:default/platform-admins; got 'group:'",
    );
  });
});
