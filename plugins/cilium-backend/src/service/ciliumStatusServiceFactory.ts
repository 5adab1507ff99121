import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { ciliumStatusServiceRef } from '@internal/plugin-cilium-node';
import { ciliumRuntimeServiceRef } from './ciliumRuntime';
import { meshPeersFromCatalog } from './meshPeersFromCatalog';
import { StatusService } from './StatusService';

/**
 * The default `CiliumStatusService`: the configured clusters, read through
 * the plugin's shared connections and cache, with mesh peers from the
 * catalog when configuration names none.
 */
export const ciliumStatusServiceFactory = createServiceFactory({
  service: ciliumStatusServiceRef,
  deps: {
    runtime: ciliumRuntimeServiceRef,
    catalog: catalogServiceRef,
    logger: coreServices.logger,
  },
  factory({ runtime, catalog, logger }) {
    return new StatusService(
      runtime.connections,
      runtime.cache,
      runtime.settings.timeoutMs,
      meshPeersFromCatalog(catalog, logger, runtime.limits.dependencyTimeoutMs),
    );
  },
});
