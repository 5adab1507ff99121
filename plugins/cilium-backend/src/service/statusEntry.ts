import { promisify } from 'node:util';
import zlib from 'node:zlib';
import {
  ClusterStatus,
  ItemsPage,
  ItemsQuery,
  MeshClusterInfo,
  SourceError,
} from '@internal/plugin-cilium-common';
import { ClusterSnapshot } from '../status/readClusterStatus';
import { ItemIndex, StoredIndex } from '../readers/ItemIndex';

/** The paged sections of a snapshot. */
export type PagedSection = 'gateways' | 'httpRoutes';

/**
 * A cached snapshot of one cluster: the status document (with counts for
 * the paged sections), the few fields the mesh overview needs, and the
 * paged sections' indexes.
 */
export interface StatusEntry {
  status: ClusterStatus;
  cluster: string;
  generatedAt: string;
  mesh: Omit<MeshClusterInfo, 'name' | 'title'>;
  sections: Partial<Record<PagedSection, ItemIndex<unknown>>>;
  /** Why a paged section is missing. */
  sectionErrors: Partial<Record<PagedSection, SourceError>>;
  /** Pages served from this snapshot, by section and query (bounded). */
  pages: Map<string, ItemsPage<unknown>>;
}

/** Pages kept per snapshot: the first pages and recent searches. */
const KEPT_PAGES = 64;

const SECTIONS: PagedSection[] = ['gateways', 'httpRoutes'];

/** The entry of a status document with the given section indexes. */
export function statusEntry(
  status: ClusterStatus,
  sections: StatusEntry['sections'],
): StatusEntry {
  const clusterError = status.errors.find(e => e.source === 'cluster');
  const mesh: StatusEntry['mesh'] = {
    reachable: !clusterError,
    peers: status.clusterMesh?.peers ?? [],
  };
  if (status.ciliumConfig) mesh.clusterId = status.ciliumConfig.clusterId;
  if (clusterError) mesh.error = clusterError;
  const sectionErrors: StatusEntry['sectionErrors'] = {};
  for (const s of SECTIONS) {
    const error = status.errors.find(e => e.source === s);
    if (error) sectionErrors[s] = error;
  }
  return {
    status,
    cluster: status.cluster,
    generatedAt: status.generatedAt,
    mesh,
    sections,
    sectionErrors,
    pages: new Map(),
  };
}

export function snapshotEntry(snapshot: ClusterSnapshot): StatusEntry {
  const sections: StatusEntry['sections'] = {};
  if (snapshot.gateways) sections.gateways = snapshot.gateways;
  if (snapshot.httpRoutes) sections.httpRoutes = snapshot.httpRoutes;
  return statusEntry(snapshot.status, sections);
}

const gzip = promisify(zlib.gzip);

interface StoredEntry {
  doc: string;
  sections: Partial<Record<PagedSection, StoredIndex>>;
}

/**
 * How an entry travels through the core cache: the document and the
 * indexes as one gzipped, base64-encoded JSON text, so Redis holds and
 * moves a few hundred kilobytes per cluster, not megabytes.
 */
export const statusEntryCodec = {
  async encode(e: StatusEntry): Promise<string> {
    const stored: StoredEntry = {
      doc: JSON.stringify(e.status),
      sections: {},
    };
    for (const s of SECTIONS) {
      const index = e.sections[s];
      if (index) stored.sections[s] = index.toStored();
    }
    const gz = await gzip(JSON.stringify(stored), {
      level: zlib.constants.Z_BEST_SPEED,
    });
    return gz.toString('base64');
  },
  decode(text: string): StatusEntry {
    const stored = JSON.parse(
      zlib.gunzipSync(Buffer.from(text, 'base64')).toString('utf8'),
    ) as StoredEntry;
    const sections: StatusEntry['sections'] = {};
    for (const s of SECTIONS) {
      const index = stored.sections[s];
      if (index) sections[s] = ItemIndex.fromStored(index);
    }
    return statusEntry(JSON.parse(stored.doc), sections);
  },
};

/**
 * One page of a section. Pages are kept with the snapshot (the most recent
 * few), so that many viewers of the same first page share one page object
 * (and the router one serialized body).
 */
export function sectionPage(
  entry: StatusEntry,
  section: PagedSection,
  query: ItemsQuery,
): ItemsPage<unknown> {
  const key = `${section}\n${JSON.stringify(query)}`;
  const kept = entry.pages.get(key);
  if (kept) return kept;
  const page = makePage(entry, section, query);
  if (entry.pages.size >= KEPT_PAGES) {
    entry.pages.delete(entry.pages.keys().next().value!);
  }
  entry.pages.set(key, page);
  return page;
}

function makePage(
  entry: StatusEntry,
  section: PagedSection,
  query: ItemsQuery,
): ItemsPage<unknown> {
  const index = entry.sections[section];
  const cut = index
    ? index.page(query.q, query.offset, query.limit)
    : { total: 0, count: 0, itemsJson: '[]' };
  const page: ItemsPage<unknown> = {
    cluster: entry.cluster,
    generatedAt: entry.generatedAt,
    query,
    total: cut.total,
    count: cut.count,
    // At most ITEMS_LIMIT_MAX items: parsing them is cheap.
    items: JSON.parse(cut.itemsJson),
  };
  if (!index) {
    page.error = entry.sectionErrors[section] ?? {
      source: section,
      reason: 'error',
      message: `No ${section} were read`,
    };
  }
  return page;
}
