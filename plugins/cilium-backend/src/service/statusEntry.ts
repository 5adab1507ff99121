import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import {
  ClusterStatus,
  ItemsQuery,
  MeshClusterInfo,
  SourceError,
} from '@internal/plugin-cilium-common';
import { ClusterSnapshot } from '../status/readClusterStatus';
import { ItemIndex, StoredIndex } from '../readers/ItemIndex';
import { JsonBody, jsonBody, jsonBodyOf } from './jsonBody';

/** The paged sections of a snapshot. */
export type PagedSection = 'gateways' | 'httpRoutes';

/**
 * A cached snapshot of one cluster: the serialized status document, the
 * few fields the mesh overview needs, and the paged sections' indexes. The
 * parsed document itself is not kept.
 */
export interface StatusEntry {
  body: JsonBody;
  cluster: string;
  generatedAt: string;
  mesh: Omit<MeshClusterInfo, 'name' | 'title'>;
  sections: Partial<Record<PagedSection, ItemIndex<unknown>>>;
  /** Why a paged section is missing. */
  sectionErrors: Partial<Record<PagedSection, SourceError>>;
  /** Pages served from this snapshot, by section and query (bounded). */
  pages: Map<string, JsonBody>;
}

/** Pages kept per snapshot: the first pages and recent searches. */
const KEPT_PAGES = 64;

const SECTIONS: PagedSection[] = ['gateways', 'httpRoutes'];

/** The entry of a status document with the given section indexes. */
export function statusEntry(
  status: ClusterStatus,
  sections: StatusEntry['sections'],
  body: JsonBody = jsonBody(status),
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
    body,
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
      doc: e.body.buffer.toString('utf8'),
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
    const body = jsonBodyOf(Buffer.from(stored.doc));
    return statusEntry(JSON.parse(stored.doc), sections, body);
  },
};

/**
 * One page of a section, as a body. Its ETag derives from the snapshot's
 * and the query's, so a page is revalidated (304) while neither changed.
 * Pages are kept with the snapshot (the most recent few), so that many
 * viewers of the same first page share one body and its gzip.
 */
export function sectionPage(
  entry: StatusEntry,
  section: PagedSection,
  query: ItemsQuery,
): JsonBody {
  const key = `${section}\n${JSON.stringify(query)}`;
  const kept = entry.pages.get(key);
  if (kept) return kept;
  const body = makePage(entry, section, query, key);
  if (entry.pages.size >= KEPT_PAGES) {
    entry.pages.delete(entry.pages.keys().next().value!);
  }
  entry.pages.set(key, body);
  return body;
}

function makePage(
  entry: StatusEntry,
  section: PagedSection,
  query: ItemsQuery,
  key: string,
): JsonBody {
  const index = entry.sections[section];
  const page = index
    ? index.page(query.q, query.offset, query.limit)
    : { total: 0, count: 0, itemsJson: '[]' };
  const head = JSON.stringify({
    cluster: entry.cluster,
    generatedAt: entry.generatedAt,
    query,
    total: page.total,
    count: page.count,
  });
  const error = index
    ? undefined
    : entry.sectionErrors[section] ?? {
        source: section,
        reason: 'error',
        message: `No ${section} were read`,
      };
  const tail = error ? `,"error":${JSON.stringify(error)}` : '';
  const text = `${head.slice(0, -1)},"items":${page.itemsJson}${tail}}`;
  const queryHash = createHash('sha1')
    .update(key)
    .digest('base64url')
    .slice(0, 16);
  return jsonBodyOf(Buffer.from(text), {
    etag: `${entry.body.etag.slice(0, -1)}.${queryHash}"`,
  });
}
