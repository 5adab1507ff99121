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

/** Status documents kept for conditional requests (each can be megabytes). */
const KEPT_STATUSES = 4;

/**
 * {@link CiliumApi} over `discoveryApi` and `fetchApi`. Non-2xx answers throw
 * a `ResponseError` that keeps the backend's error body (name, message,
 * status code), so the UI can tell 403 from 404 from 500.
 *
 * Status documents are requested conditionally: the client keeps the last
 * document of a few clusters with its ETag and sends `If-None-Match`; on 304
 * it answers with the document it holds, the same object, so a revalidation
 * costs neither a download nor a parse of megabytes, nor a re-render.
 */
export class CiliumClient implements CiliumApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;
  private readonly statuses = new Map<
    string,
    { etag: string; value: ClusterStatus }
  >();

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getClusters(options?: { signal?: AbortSignal }): Promise<ClustersResponse> {
    return this.get(apiPaths.clusters(), undefined, options?.signal);
  }

  async getClusterStatus(
    cluster: string,
    options?: { signal?: AbortSignal },
  ): Promise<ClusterStatus> {
    const kept = this.statuses.get(cluster);
    const res = await this.request(
      apiPaths.clusterStatus(cluster),
      undefined,
      options?.signal,
      kept && { 'If-None-Match': kept.etag },
    );
    if (res.status === 304 && kept) {
      this.keep(cluster, kept);
      return kept.value;
    }
    if (!res.ok) {
      this.statuses.delete(cluster);
      throw await ResponseError.fromResponse(res);
    }
    const value = (await res.json()) as ClusterStatus;
    // Readable when same-origin, or cross-origin with ETag exposed by CORS.
    const etag = res.headers.get('ETag');
    if (etag) this.keep(cluster, { etag, value });
    else this.statuses.delete(cluster);
    return value;
  }

  private keep(cluster: string, kept: { etag: string; value: ClusterStatus }) {
    this.statuses.delete(cluster);
    this.statuses.set(cluster, kept);
    for (const name of this.statuses.keys()) {
      if (this.statuses.size <= KEPT_STATUSES) break;
      this.statuses.delete(name);
    }
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

  private async request(
    path: string,
    query?: URLSearchParams,
    signal?: AbortSignal,
    headers?: Record<string, string>,
  ): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl(CILIUM_PLUGIN_ID);
    const qs = query && query.toString() ? `?${query}` : '';
    return this.fetchApi.fetch(`${baseUrl}${path}${qs}`, {
      headers: { Accept: 'application/json', ...headers },
      signal,
    });
  }

  private async get<T>(
    path: string,
    query?: URLSearchParams,
    signal?: AbortSignal,
  ): Promise<T> {
    const res = await this.request(path, query, signal);
    if (!res.ok) {
      throw await ResponseError.fromResponse(res);
    }
    return (await res.json()) as T;
  }
}
