import express from 'express';
import request from 'supertest';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ClusterStatus } from '@internal/plugin-cilium-common';
import { CiliumStatusService } from '@internal/plugin-cilium-node';
import { createRouter } from './createRouter';

const status: ClusterStatus = {
  cluster: 'c1',
  generatedAt: '2026-12-03T10:00:00.000Z',
  gatewayCounts: { total: 3, notAccepted: 1, notProgrammed: 0 },
  errors: [],
};

/** A CiliumStatusService that answers fixed documents (no cluster). */
function mockStatusService(): jest.Mocked<CiliumStatusService> {
  return {
    listClusters: jest.fn(async () => ({
      items: [{ name: 'c1', reachable: true, hubbleConfigured: false }],
    })),
    getClusterStatus: jest.fn(async (name: string) => {
      if (name !== 'c1') throw new NotFoundError(`No cluster named '${name}'`);
      return status;
    }),
    getItems: jest.fn(async (cluster, _section, query) => ({
      cluster,
      generatedAt: status.generatedAt,
      query,
      total: 0,
      count: 0,
      items: [],
    })),
    getFlows: jest.fn(),
    getFlowsSummary: jest.fn(),
    getMesh: jest.fn(async () => ({ clusters: [] })),
  } as unknown as jest.Mocked<CiliumStatusService>;
}

async function app(
  service: CiliumStatusService,
  permissions = mockServices.permissions(),
) {
  const router = await createRouter({
    httpAuth: mockServices.httpAuth({
      defaultCredentials: mockCredentials.none(),
    }),
    permissions,
    service,
    clusterEntityRef: async name => `resource:default/${name}`,
    flowStreams: { subscribe: jest.fn() },
  });
  const middleware = MiddlewareFactory.create({
    config: mockServices.rootConfig(),
    logger: mockServices.logger.mock(),
  });
  return express().use(router).use(middleware.error());
}

const USER = { Authorization: mockCredentials.user.header() };

describe('createRouter with an injected CiliumStatusService', () => {
  it('serves what the service answers, with the caller passed through', async () => {
    const service = mockStatusService();
    const res = await request(await app(service))
      .get('/clusters/c1/status')
      .set(USER);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(status);
    expect(service.getClusterStatus).toHaveBeenCalledWith('c1', {
      credentials: mockCredentials.user(),
    });
  });

  it('answers 304 to a revalidation while the answer is the same object', async () => {
    const http = request(await app(mockStatusService()));
    const first = await http.get('/clusters/c1/status').set(USER);
    expect(first.headers.etag).toMatch(/^W\/"[^"]+"$/);
    const again = await http
      .get('/clusters/c1/status')
      .set(USER)
      .set('If-None-Match', first.headers.etag);
    expect(again.status).toBe(304);
  });

  it('validates the page query before the service sees it', async () => {
    const service = mockStatusService();
    const http = request(await app(service));
    const bad = await http.get('/clusters/c1/httproutes?limit=0').set(USER);
    expect(bad.status).toBe(400);
    expect(service.getItems).not.toHaveBeenCalled();
    const ok = await http
      .get('/clusters/c1/httproutes?q=echo&limit=5')
      .set(USER);
    expect(ok.status).toBe(200);
    expect(service.getItems).toHaveBeenCalledWith('c1', 'httpRoutes', {
      q: 'echo',
      offset: 0,
      limit: 5,
    });
  });

  it("maps the service's NotFoundError to 404", async () => {
    const res = await request(await app(mockStatusService()))
      .get('/clusters/nope/status')
      .set(USER);
    expect(res.status).toBe(404);
    expect(res.body.error.name).toBe('NotFoundError');
  });

  it('never calls the service when the permission is denied', async () => {
    const service = mockStatusService();
    const permissions = mockServices.permissions.mock({
      authorize: async () => [{ result: AuthorizeResult.DENY }],
      authorizeConditional: async () => [{ result: AuthorizeResult.DENY }],
    });
    const http = request(await app(service, permissions));
    for (const path of ['/clusters', '/clusters/c1/status', '/mesh']) {
      expect((await http.get(path).set(USER)).status).toBe(403);
    }
    expect(
      (await http.get('/clusters/c1/status')).status, // no credentials
    ).toBe(401);
    expect(service.listClusters).not.toHaveBeenCalled();
    expect(service.getClusterStatus).not.toHaveBeenCalled();
    expect(service.getMesh).not.toHaveBeenCalled();
  });
});
