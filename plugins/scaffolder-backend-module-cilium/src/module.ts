import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createChangeAction } from './actions/change';
import { createPublishLocalAction } from './actions/publishLocal';
import { createRenderAction } from './actions/render';
import { createValidateAction } from './actions/validate';
import {
  createBodyLimitMiddleware,
  readMaxRequestBodyBytes,
} from './http/bodyLimit';
import { createClusterRenderer } from './lib/clusterRenderer';
import { readLocalPublishConfig } from './local/localPublishConfig';
import {
  LOCAL_REPOS_ROUTE,
  createLocalReposHandler,
} from './local/localReposRouter';
import { localReposBaseUrl } from './local/localReposUrlReader';

/**
 * Scaffolder actions around the cluster renderer: `cilium:cluster:validate`,
 * `cilium:cluster:render` and the token-free publish target
 * `cilium:publish:local`, the day-2 `cilium:cluster:change`, plus the
 * read-only HTTP view of the local repositories (development only;
 * `catalog:register` reads through `localReposUrlReaderFactory`, which the
 * backend adds beside this module).
 */
export const scaffolderModuleCilium = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'cilium',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolderActions: scaffolderActionsExtensionPoint,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        urlReader: coreServices.urlReader,
      },
      async init({
        scaffolderActions,
        catalog,
        config,
        discovery,
        httpRouter,
        logger,
        permissions,
        urlReader,
      }) {
        const renderer = createClusterRenderer();
        const localPublish = readLocalPublishConfig(config);
        // Before the scaffolder's own 10 MB body parser (see bodyLimit.ts).
        httpRouter.use(
          createBodyLimitMiddleware(readMaxRequestBodyBytes(config)),
        );

        if (localPublish.serveOverHttp) {
          httpRouter.use(
            createLocalReposHandler({ baseDir: localPublish.baseDir }),
          );
          httpRouter.addAuthPolicy({
            path: LOCAL_REPOS_ROUTE,
            allow: 'unauthenticated',
          });
        }
        logger.info(
          `cilium:publish:local writes bare repositories to ${
            localPublish.baseDir
          }${
            localPublish.serveOverHttp
              ? `, served read-only at /api/scaffolder${LOCAL_REPOS_ROUTE}`
              : ''
          }`,
        );

        scaffolderActions.addActions(
          createValidateAction({
            renderer,
            catalog,
            localReposDir: localPublish.baseDir,
          }),
          createRenderAction({ renderer }),
          createChangeAction({
            config: localPublish,
            rootConfig: config,
            catalog,
            urlReader,
            permissions,
          }),
          createPublishLocalAction({
            config: localPublish,
            // The external URL: the catalog stores it as the entity's
            // location and shows it to users; backend.reading.allow names it.
            contentsBaseUrl: localPublish.serveOverHttp
              ? async () =>
                  `${await discovery.getExternalBaseUrl(
                    'scaffolder',
                  )}${LOCAL_REPOS_ROUTE}`
              : undefined,
            // Read by the catalog through localReposUrlReaderFactory (added
            // to the backend beside this module), HTTP view on or off.
            catalogBaseUrl: config.has('backend.baseUrl')
              ? localReposBaseUrl(config)
              : undefined,
          }),
        );
      },
    });
  },
});
