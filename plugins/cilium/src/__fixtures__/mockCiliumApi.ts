import { ResponseError } from '@backstage/errors';
import {
  GatewayInfo,
  HttpRouteInfo,
  ITEMS_LIMIT_DEFAULT,
  ItemsPage,
  gatewaySearchText,
  httpRouteSearchText,
  matchesTerms,
  MetricsRange,
  searchTerms,
} from '@internal/plugin-cilium-common';
import {
  CiliumApi,
  GetFlowsOptions,
  GetFlowsSummaryOptions,
  GetItemsOptions,
} from '../api/CiliumApi';
import type { FlowStreamHandlers, StreamFlowsOptions } from '../api/flowStream';
import { flowsSummary } from './flowsSummary';
import { clusterStatus, gateways, httpRoutes } from './clusterStatus';
import { flowsResponse } from './flows';
import { meshOverview } from './mesh';
import { clusterMetrics } from './metrics';
import { gitLiveResponse } from './gitLive';
import { policyReadiness } from './policyReadiness';

/**
 * A page function over `items` answering like the paged backend routes:
 * sorted by namespace/name, filtered by every term of `q` against the
 * common search text, cut at `offset`/`limit`. Aborted requests reject with
 * an `AbortError` as `fetch` does.
 */
export function servePages<T extends { namespace: string; name: string }>(
  items: readonly T[],
  searchText: (item: T) => string,
  generatedAt = clusterStatus.generatedAt,
) {
  const sorted = [...items].sort(
    (a, b) =>
      a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name),
  );
  const texts = sorted.map(searchText);
  return async (
    cluster: string,
    options: GetItemsOptions = {},
  ): Promise<ItemsPage<T>> => {
    if (options.signal?.aborted) {
      throw new DOMException('The operation was aborted.', 'AbortError');
    }
    const terms = searchTerms(options.q);
    const matching = sorted.filter((_, i) => matchesTerms(texts[i], terms));
    const offset = options.offset ?? 0;
    const limit = options.limit ?? ITEMS_LIMIT_DEFAULT;
    return {
      cluster,
      generatedAt,
      query: {
        ...(options.q?.trim() && { q: options.q.trim() }),
        offset,
        limit,
      },
      total: matching.length,
      count: sorted.length,
      items: matching.slice(offset, offset + limit),
    };
  };
}

/** What the mock serves in pages: the fixtures unless told otherwise. */
export interface MockItems {
  gateways?: GatewayInfo[];
  httpRoutes?: HttpRouteInfo[];
}

/**
 * A CiliumApi whose methods are jest mocks answering with the fixtures; the
 * Gateways and HTTPRoutes are paged from `items` (default: the fixtures).
 */
export function mockCiliumApi(
  overrides: Partial<CiliumApi> = {},
  items: MockItems = {},
): jest.Mocked<CiliumApi> {
  const api = {
    getClusters: jest.fn(async (_o?: { signal?: AbortSignal }) => ({
      items: [],
    })),
    getClusterStatus: jest.fn(
      async (_c: string, _o?: { signal?: AbortSignal }) => clusterStatus,
    ),
    getGateways: jest.fn(
      servePages(items.gateways ?? gateways, gatewaySearchText),
    ),
    getHttpRoutes: jest.fn(
      servePages(items.httpRoutes ?? httpRoutes, httpRouteSearchText),
    ),
    getFlows: jest.fn(
      async (_c: string, _o?: GetFlowsOptions) => flowsResponse,
    ),
    getFlowsSummary: jest.fn(
      async (_c: string, _o?: GetFlowsSummaryOptions) => flowsSummary,
    ),
    streamFlows: jest.fn(
      (_c: string, _o: StreamFlowsOptions, _h: FlowStreamHandlers) => () => {},
    ),
    getMesh: jest.fn(async (_o?: { signal?: AbortSignal }) => meshOverview),
    getMetrics: jest.fn(
      async (_c: string, o: { range: MetricsRange; signal?: AbortSignal }) =>
        clusterMetrics(o.range),
    ),
    getGitLive: jest.fn(
      async (_c: string, _o?: { signal?: AbortSignal }) => gitLiveResponse,
    ),
    getPolicyReadiness: jest.fn(
      async (_c: string, _o: { namespace: string; keep?: string[] }) =>
        policyReadiness,
    ),
    ...overrides,
  };
  return api as jest.Mocked<CiliumApi>;
}

/** The error CiliumClient throws for a backend answer with this status. */
export async function responseError(
  statusCode: number,
  name: string,
  message: string,
) {
  const body = JSON.stringify({
    error: { name, message },
    request: { method: 'GET', url: '/api/cilium/x' },
    response: { statusCode },
  });
  return ResponseError.fromResponse({
    status: statusCode,
    statusText: name,
    url: 'http://localhost/api/cilium/x',
    headers: new Headers({ 'content-type': 'application/json' }),
    text: async () => body,
    json: async () => JSON.parse(body),
    clone() {
      return this;
    },
  } as unknown as Response);
}
