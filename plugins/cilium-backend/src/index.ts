/**
 * Cluster status API of the Cilium plugins (Backstage new backend system).
 *
 * The default export installs the plugin together with the default
 * `CiliumStatusService` (see `@internal/plugin-cilium-node`); to provide
 * another implementation, add `ciliumPlugin` and your own factory instead.
 *
 * @packageDocumentation
 */
import { createBackendFeatureLoader } from '@backstage/backend-plugin-api';
import { ciliumPlugin } from './plugin';
import { ciliumStatusServiceFactory } from './service/ciliumStatusServiceFactory';

export { ciliumPlugin, ciliumStatusServiceFactory };

export default createBackendFeatureLoader({
  loader: () => [ciliumPlugin, ciliumStatusServiceFactory],
});
