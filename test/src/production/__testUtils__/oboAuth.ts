import {
  AuthService,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';

const SERVICE_TOKEN_PREFIX = 'mock-service-token:';

/**
 * The test backend's mock auth, with one gap closed: a plugin's request on
 * behalf of a user carries the calling plugin as the actor, as Backstage's
 * real auth service does. (The mock drops it, so the permission backend
 * takes a plugin's conditional check for a direct user request and refuses
 * resource permissions without a resourceRef.)
 */
export const oboAuthServiceFactory = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }): AuthService {
    const inner = mockServices.auth({ pluginId: plugin.getId() });
    return new Proxy(inner, {
      get(target, prop, receiver) {
        if (prop !== 'authenticate') return Reflect.get(target, prop, receiver);
        return async (token: string, options?: any) => {
          if (token.startsWith(SERVICE_TOKEN_PREFIX)) {
            const { obo, target: pluginId } = JSON.parse(
              token.slice(SERVICE_TOKEN_PREFIX.length),
            );
            if (obo) {
              await target.authenticate(token, options); // checks the target
              return mockCredentials.user(obo, {
                actor: { subject: `plugin:${pluginId ?? 'unknown'}` },
              });
            }
          }
          return target.authenticate(token, options);
        };
      },
    });
  },
});
