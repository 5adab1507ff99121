import { ResponseError } from '@backstage/errors';
import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import {
  CILIUM_PLUGIN_ID,
  ClusterStatus,
  ClustersResponse,
  FlowsResponse,
  FlowsSummary,
  GatewaysPage,
  GitLiveResponse,
  HttpRoutesPage,
  MeshOverview,
  ClusterMetrics,
  MetricsRange,
  PolicyReadinessResponse,
  apiPaths,
} from '@internal/plugin-cilium-common';
import {
  CiliumApi,
  GetFlowsOptions,
  GetFlowsSummaryOptions,
  GetItemsOptions,
  GetPolicyReadinessOptions,
} from './CiliumApi';
import {
  FlowStreamHandlers,
  flowStreamQuery,
  readEventStream,
  StreamFlowsOptions,
} from './flowStream';

/**
 * {@link CiliumApi} over `discoveryApi` and `fetchApi`. Non-2xx answers throw
 * a `ResponseError` that keeps the backend's error body (name, message,
 * status code), so the UI can tell 403 from 404 from 500.
 *
 * The client keeps no answers: the UI's one cache is SWR's (hooks/). The
 * backend sends `ETag` with `Cache-Control: private, no-cache`, so the
 * browser's own HTTP cache stores each answer and revalidates it with
 * `If-None-Match` before reuse, getting a body-less 304 while it is
 * unchanged (RFC 9111 §5.2.2.4 no-cache, §4.3.1 validation requests, §4.3.4
 * freshening on 304; `fetch`'s default cache mode uses that cache:
 * https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/Caching). The
 * Authorization header Backstage adds restricts only shared caches (RFC 9111
 * §3.5), and `private` keeps proxies out.
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

  getGateways(
    cluster: string,
    options?: GetItemsOptions,
  ): Promise<GatewaysPage> {
    return this.get(
      apiPaths.clusterGateways(cluster),
      itemsQuery(options),
      options?.signal,
    );
  }

  getHttpRoutes(
    cluster: string,
    options?: GetItemsOptions,
  ): Promise<HttpRoutesPage> {
    return this.get(
      apiPaths.clusterHttpRoutes(cluster),
      itemsQuery(options),
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

  getFlowsSummary(
    cluster: string,
    options?: GetFlowsSummaryOptions,
  ): Promise<FlowsSummary> {
    const query = new URLSearchParams();
    if (options?.namespace) query.set('namespace', options.namespace);
    if (options?.last !== undefined) query.set('last', String(options.last));
    if (options?.since) query.set('since', options.since);
    return this.get(
      apiPaths.clusterFlowsSummary(cluster),
      query,
      options?.signal,
    );
  }

  streamFlows(
    cluster: string,
    options: StreamFlowsOptions,
    handlers: FlowStreamHandlers,
  ): () => void {
    const controller = new AbortController();
    (async () => {
      const url = await this.url(
        apiPaths.clusterFlowsStream(cluster),
        flowStreamQuery(options),
      );
      const res = await this.fetchApi.fetch(url, {
        headers: { Accept: 'text/event-stream' },
        signal: controller.signal,
      });
      if (!res.ok) throw await ResponseError.fromResponse(res);
      if (!res.body) throw new Error('The live stream has no body');
      const ended = await readEventStream(res.body, handlers);
      if (!ended && !controller.signal.aborted)
        throw new Error('The live stream closed unexpectedly');
    })().catch(err => {
      if (!controller.signal.aborted) handlers.onError?.(err as Error);
    });
    return () => controller.abort();
  }

  getMesh(options?: { signal?: AbortSignal }): Promise<MeshOverview> {
    return this.get(apiPaths.mesh(), undefined, options?.signal);
  }

  getMetrics(
    cluster: string,
    options: { range: MetricsRange; signal?: AbortSignal },
  ): Promise<ClusterMetrics> {
    const query = new URLSearchParams({ range: options.range });
    return this.get(apiPaths.clusterMetrics(cluster), query, options.signal);
  }

  getGitLive(
    cluster: string,
    options?: { signal?: AbortSignal },
  ): Promise<GitLiveResponse> {
    return this.get(
      apiPaths.clusterGitLive(cluster),
      undefined,
      options?.signal,
    );
  }

  getPolicyReadiness(
    cluster: string,
    options: GetPolicyReadinessOptions,
  ): Promise<PolicyReadinessResponse> {
    const query = new URLSearchParams({ namespace: options.namespace });
    if (options.keep) {
      // `keep=` once, empty, keeps none; otherwise once per kept edge.
      if (options.keep.length === 0) query.append('keep', '');
      for (const id of options.keep) query.append('keep', id);
    }
    return this.get(
      apiPaths.clusterPolicyReadiness(cluster),
      query,
      options.signal,
    );
  }

  private async url(path: string, query?: URLSearchParams): Promise<string> {
    const baseUrl = await this.discoveryApi.getBaseUrl(CILIUM_PLUGIN_ID);
    const qs = query && query.toString() ? `?${query}` : '';
    return `${baseUrl}${path}${qs}`;
  }

  private async get<T>(
    path: string,
    query?: URLSearchParams,
    signal?: AbortSignal,
  ): Promise<T> {
    const res = await this.fetchApi.fetch(await this.url(path, query), {
      headers: { Accept: 'application/json' },
      signal,
    });
    if (!res.ok) {
      throw await ResponseError.fromResponse(res);
    }
    return (await res.json()) as T;
  }
}

/** The paged routes' query string; unset (and blank `q`) left out. */
function itemsQuery(options?: GetItemsOptions): URLSearchParams {
  const query = new URLSearchParams();
  const q = options?.q?.trim();
  if (q) query.set('q', q);
  if (options?.offset !== undefined)
    query.set('offset', String(options.offset));
  if (options?.limit !== undefined) query.set('limit', String(options.limit));
  return query;
}
