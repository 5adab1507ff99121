import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The mesh overview page (`/cilium/mesh` by default). */
export const meshOverviewRouteRef = createRouteRef();
