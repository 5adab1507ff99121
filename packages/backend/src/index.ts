/*
 * The Backstage backend of the Cilium cluster portal (new backend system).
 * Core plugins first, then the project's own: the Cilium status API and the
 * scaffolder actions that render and publish cluster GitOps repositories.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

// Serves the built frontend and injects its config.
backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// Sign-in: guest in development (app-config.yaml), GitHub in production.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-auth-backend-module-github-provider'));

// Catalog: templates, example clusters and the clusters the template creates.
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// Scaffolder: built-in actions, GitHub publishing.
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);
backend.add(import('@internal/plugin-scaffolder-backend-module-cilium'));
// The catalog reads locally published repositories from disk through this
// URL reader, so no unauthenticated HTTP route is needed for catalog:register.
backend.add(
  import('@internal/plugin-scaffolder-backend-module-cilium').then(m => ({
    // Under the CLI's Node hooks the package is CommonJS and Node may see
    // only `default` (its module.exports), which then holds the factory.
    default:
      m.localReposUrlReaderFactory ??
      (m.default as unknown as typeof m).localReposUrlReaderFactory,
  })),
);

// Permissions: permission.ciliumPolicy picks allow-all (app-config.yaml,
// local development) or the production policy (app-config.production.yaml).
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('@internal/plugin-permission-backend-module-cilium-policy'));

// Search over the catalog (Postgres engine when the database is Postgres).
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));

// Backstage's own Kubernetes plugin; shares the cluster list with Cilium's.
backend.add(import('@backstage/plugin-kubernetes-backend'));
// Cilium status API under /api/cilium: Gateway API, Cilium, Cluster Mesh,
// Argo CD and Hubble Relay per cluster (clusters from the list above).
backend.add(import('@internal/plugin-cilium-backend'));

backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.start();
