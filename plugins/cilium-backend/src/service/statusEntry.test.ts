import {
  ClusterStatus,
  gatewaySearchText,
  GatewayInfo,
} from '@internal/plugin-cilium-common';
import { ItemIndex } from '../readers/ItemIndex';
import { bodyOf } from '../router/jsonBody';
import { sectionPage, snapshotEntry, statusEntryCodec } from './statusEntry';

const gateway = (namespace: string, name: string): GatewayInfo => ({
  namespace,
  name,
  gatewayClassName: 'cilium',
  addresses: ['172.18.1.200'],
  listeners: [],
  conditions: [],
});

const status: ClusterStatus = {
  cluster: 'c1',
  generatedAt: '2026-11-26T10:00:00.000Z',
  gatewayCounts: { total: 2, notAccepted: 2, notProgrammed: 2 },
  errors: [
    {
      source: 'httpRoutes',
      reason: 'forbidden',
      message: 'cannot list resource "httproutes"',
    },
  ],
};

const entry = snapshotEntry({
  status,
  gateways: ItemIndex.of(
    [gateway('echo', 'echo'), gateway('bookinfo', 'bookinfo-tls')],
    gatewaySearchText,
  ),
});

const parse = (page: object) =>
  JSON.parse(bodyOf(page).buffer.toString('utf8'));

describe('status snapshot entries', () => {
  it('serves a page with the snapshot time, the query and the counts', () => {
    const body = sectionPage(entry, 'gateways', { offset: 0, limit: 1 });
    expect(parse(body)).toEqual({
      cluster: 'c1',
      generatedAt: '2026-11-26T10:00:00.000Z',
      query: { offset: 0, limit: 1 },
      total: 2,
      count: 2,
      items: [gateway('bookinfo', 'bookinfo-tls')],
    });
  });

  it("says why a section has no page: the source's own error", () => {
    const body = sectionPage(entry, 'httpRoutes', { offset: 0, limit: 10 });
    expect(parse(body)).toMatchObject({
      items: [],
      total: 0,
      error: { source: 'httpRoutes', reason: 'forbidden' },
    });
  });

  it('derives page ETags from the snapshot and the query', () => {
    const a = sectionPage(entry, 'gateways', { offset: 0, limit: 10 });
    const again = sectionPage(entry, 'gateways', { offset: 0, limit: 10 });
    const b = sectionPage(entry, 'gateways', {
      q: 'echo',
      offset: 0,
      limit: 10,
    });
    const c = sectionPage(entry, 'httpRoutes', { offset: 0, limit: 10 });
    expect(bodyOf(a).etag).toBe(bodyOf(again).etag);
    expect(new Set([bodyOf(a).etag, bodyOf(b).etag, bodyOf(c).etag]).size).toBe(3);
    expect(bodyOf(a).etag).toMatch(/^W\/"[^"]+"$/);
  });

  it('travels through the shared cache as one compact text, pages intact', async () => {
    const text = await statusEntryCodec.encode(entry);
    expect(text).toMatch(/^[A-Za-z0-9+/]+=*$/); // base64 of gzip
    const decoded = statusEntryCodec.decode(text);
    expect(parse(decoded.status)).toEqual(status);
    expect(decoded.generatedAt).toBe(status.generatedAt);
    expect(
      parse(
        sectionPage(decoded, 'gateways', { q: 'echo', offset: 0, limit: 10 }),
      ),
    ).toEqual(
      parse(
        sectionPage(entry, 'gateways', { q: 'echo', offset: 0, limit: 10 }),
      ),
    );
    expect(decoded.sectionErrors.httpRoutes?.reason).toBe('forbidden');
  });
});

describe('kept pages', () => {
  it('serves the same page body to repeated queries, keeping the latest 64', () => {
    const e = snapshotEntry({
      status,
      gateways: ItemIndex.of([gateway('echo', 'echo')], gatewaySearchText),
    });
    const first = sectionPage(e, 'gateways', { offset: 0, limit: 10 });
    expect(sectionPage(e, 'gateways', { offset: 0, limit: 10 })).toBe(first);
    for (let i = 0; i < 64; i++) {
      sectionPage(e, 'gateways', { q: `q${i}`, offset: 0, limit: 10 });
    }
    expect(e.pages.size).toBe(64);
    const again = sectionPage(e, 'gateways', { offset: 0, limit: 10 });
    expect(again).not.toBe(first);
    expect(bodyOf(again).etag).toBe(bodyOf(first).etag);
  });
});
