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

/** Status documents kept for conditional requests (each can be megabytes). */
const KEPT_STATUSES = 4;
/** Gateway and HTTPRoute pages kept for conditional requests (small each). */
const KEPT_PAGES = 32;

/** Answers kept with their ETag, least recently used out first. */
class KeptAnswers<T> {
  private readonly answers = new Map<string, { etag: string; value: T }>();

  constructor(private readonly max: number) {}

  get(key: string) {
    return this.answers.get(key);
  }

  keep(key: string, kept: { etag: string; value: T }) {
    this.answers.delete(key);
    this.answers.set(key, kept);
    for (const oldest of this.answers.keys()) {
      if (this.answers.size <= this.max) break;
      this.answers.delete(oldest);
    }
  }

  forget(key: string) {
    this.answers.delete(key);
  }
}

/**
 * {@link CiliumApi} over `discoveryApi` and `fetchApi`. Non-2xx answers throw
 * a `ResponseError` that keeps the backend's error body (name, message,
 * status code), so the UI can tell 403 from 404 from 500.
 *
 * Status documents and Gateway/HTTPRoute pages are requested conditionally:
 * the client keeps the last document of a few clusters (and the last few
 * pages, by URL) with its ETag and sends `If-None-Match`; on 304 it answers
 * with the value it holds, the same object, so a revalidation costs neither
 * a download nor a parse, nor a re-render.
 */
export class CiliumClient implements CiliumApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;
  private readonly statuses = new KeptAnswers<ClusterStatus>(KEPT_STATUSES);
  private readonly pages = new KeptAnswers<GatewaysPage | HttpRoutesPage>(
    KEPT_PAGES,
  );

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
    const url = await this.url(apiPaths.clusterStatus(cluster));
    return this.getConditional(this.statuses, cluster, url, options?.signal);
  }

  getGateways(
    cluster: string,
    options?: GetItemsOptions,
  ): Promise<GatewaysPage> {
    return this.getPage(apiPaths.clusterGateways(cluster), options);
  }

  getHttpRoutes(
    cluster: string,
    options?: GetItemsOptions,
  ): Promise<HttpRoutesPage> {
    return this.getPage(apiPaths.clusterHttpRoutes(cluster), options);
  }

  /** A page of a paged route, requested conditionally, kept by its URL. */
  private async getPage<P>(
    path: string,
    options?: GetItemsOptions,
  ): Promise<P> {
    const url = await this.url(path, itemsQuery(options));
    return this.getConditional(
      this.pages,
      url,
      url,
      options?.signal,
    ) as Promise<P>;
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

  /**
   * GET `url` with `If-None-Match` when `kept` holds an answer under `key`:
   * 304 answers with the kept value; a failure forgets it.
   */
  private async getConditional<T>(
    kept: KeptAnswers<T>,
    key: string,
    url: string,
    signal?: AbortSignal,
  ): Promise<T> {
    const held = kept.get(key);
    const res = await this.fetchApi.fetch(url, {
      headers: {
        Accept: 'application/json',
        ...(held && { 'If-None-Match': held.etag }),
      },
      signal,
    });
    if (res.status === 304 && held) {
      kept.keep(key, held);
      return held.value;
    }
    if (!res.ok) {
      kept.forget(key);
      throw await ResponseError.fromResponse(res);
    }
    const value = (await res.json()) as T;
    // Readable when same-origin, or cross-origin with ETag exposed by CORS.
    const etag = res.headers.get('ETag');
    if (etag) kept.keep(key, { etag, value });
    else kept.forget(key);
    return value;
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
