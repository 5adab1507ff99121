import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { ciliumApi } from './apis';
import { ciliumEntityContent } from './entityContent';
import { ciliumHubbleCard } from './hubbleCard';
import { ciliumMeshCard } from './meshCard';
import { ciliumMeshPage } from './meshPage';
import { meshOverviewRouteRef } from '../routes';

/** The Cilium plugin for the new frontend system. */
export const ciliumPlugin = createFrontendPlugin({
  pluginId: 'cilium',
  title: 'Cilium',
  info: { packageJson: () => import('../../package.json') },
  routes: { meshOverview: meshOverviewRouteRef },
  extensions: [
    ciliumApi,
    ciliumEntityContent,
    ciliumMeshCard,
    ciliumHubbleCard,
    ciliumMeshPage,
  ],
});
