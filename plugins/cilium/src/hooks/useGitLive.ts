import { useCiliumQuery } from './useApiQuery';

/** The cluster's Git and live view (its own request, apart from the status document). */
export function useGitLive(cluster: string) {
  return useCiliumQuery(['git-live', cluster], api => api.getGitLive(cluster));
}
