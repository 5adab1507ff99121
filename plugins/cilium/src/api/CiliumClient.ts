import { ResponseError } from '@backstage/errors';
import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import {
  CILIUM_PLUGIN_ID,
  ClusterStatus,
  ClustersResponse,
  FlowsResponse,
  MeshOverview,
  apiPaths,
} from '@internal/plugin-cilium-common';
import { CiliumApi, GetFlowsOptions } from './CiliumApi';

/**
 * {@link CiliumApi} over `discoveryApi` and `fetchApi`. Non-2xx answers throw
 * a `ResponseError` that keeps the backend's error body (name, message,
 * status code), so the UI can tell 403 from 404 from 500.
 */
export class CiliumClient implements CiliumApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getClusters(options?: { signal?: AbortSignal }): Promise<ClustersResponse> {
    return this.get(apiPaths.clusters(), undefined, options?.signal);
  }

  getClusterStatus(
    cluster: string,
    options?: { signal?: AbortSignal },
  ): Promise<ClusterStatus> {
    return this.get(
      apiPaths.clusterStatus(cluster),
      undefined,
      options?.signal,
    );
  }

  getFlows(cluster: string, options?: GetFlowsOptions): Promise<FlowsResponse> {
    const query = new URLSearchParams();
    if (options?.namespace) query.set('namespace', options.namespace);
    if (options?.last !== undefined) query.set('last', String(options.last));
    if (options?.verdict) query.set('verdict', options.verdict);
    if (options?.policyVerdictsOnly) query.set('policyVerdictsOnly', 'true');
    if (options?.since) query.set('since', options.since);
    return this.get(apiPaths.clusterFlows(cluster), query, options?.signal);
  }

  getMesh(options?: { signal?: AbortSignal }): Promise<MeshOverview> {
    return this.get(apiPaths.mesh(), undefined, options?.signal);
  }

  private async get<T>(
    path: string,
    query?: URLSearchParams,
    signal?: AbortSignal,
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl(CILIUM_PLUGIN_ID);
    const qs = query && query.toString() ? `?${query}` : '';
    const res = await this.fetchApi.fetch(`${baseUrl}${path}${qs}`, {
      headers: { Accept: 'application/json' },
      signal,
    });
    if (!res.ok) {
      throw await ResponseError.fromResponse(res);
    }
    return (await res.json()) as T;
  }
}
