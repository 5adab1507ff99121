import { ResponseError } from '@backstage/errors';
import { CiliumApi, GetFlowsOptions } from '../api/CiliumApi';
import { clusterStatus } from './clusterStatus';
import { flowsResponse } from './flows';
import { meshOverview } from './mesh';

/** A CiliumApi whose methods are jest mocks answering with the fixtures. */
export function mockCiliumApi(
  overrides: Partial<CiliumApi> = {},
): jest.Mocked<CiliumApi> {
  const api = {
    getClusters: jest.fn(async (_o?: { signal?: AbortSignal }) => ({
      items: [],
    })),
    getClusterStatus: jest.fn(
      async (_c: string, _o?: { signal?: AbortSignal }) => clusterStatus,
    ),
    getFlows: jest.fn(
      async (_c: string, _o?: GetFlowsOptions) => flowsResponse,
    ),
    getMesh: jest.fn(async (_o?: { signal?: AbortSignal }) => meshOverview),
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
