import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { ciliumApiRef } from '../../api/CiliumApi';

/** The cluster's Git and live view (its own request, apart from the status document). */
export function useGitLive(cluster: string) {
  const api = useApi(ciliumApiRef);
  return useAsyncRetry(() => api.getGitLive(cluster), [api, cluster]);
}
