import { createServiceRef } from '@backstage/backend-plugin-api';
import { CiliumStatusService } from './CiliumStatusService';

/**
 * The Cilium status service. `@internal/plugin-cilium-backend` provides its
 * implementation (the backend package's default export installs it with the
 * plugin); a test or another backend can install its own factory instead.
 * Plugin-scoped: each plugin that depends on it gets an instance with its
 * own cache and cluster connections.
 */
export const ciliumStatusServiceRef = createServiceRef<CiliumStatusService>({
  id: 'cilium.status',
  scope: 'plugin',
});
