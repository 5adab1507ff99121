import { ClusterStatus } from '@internal/plugin-cilium-common';
import { CiliumApi } from '../api/CiliumApi';

/** What a component sees of a cluster's status document. */
export interface StatusSnapshot {
  loading: boolean;
  error?: Error;
  value?: ClusterStatus;
}

/** A mount within this long of the last answer reuses it without asking. */
export const DEDUPE_MS = 2_000;
/** An answer older than this is not shown while a newer one loads. */
export const MAX_STALE_MS = 5 * 60_000;
/** Documents kept per app (each can be megabytes), least recently used out. */
export const MAX_CLUSTERS = 4;

/**
 * One cluster's status document, shared by every component that shows it
 * (the tab and the entity cards): one request in flight at a time, the last
 * answer kept so a remount (switching tabs) renders at once and revalidates.
 */
export class KeptStatusDocument {
  private snapshot: StatusSnapshot = { loading: true };
  private readonly listeners = new Set<() => void>();
  private inFlight = false;
  /** When the last answer (value or error) arrived; 0: never. */
  answeredAt = 0;

  constructor(private readonly api: CiliumApi, readonly cluster: string) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getSnapshot = () => this.snapshot;

  get watched() {
    return this.listeners.size > 0;
  }

  /** Whether a component mounting now should (re)load the document. */
  needsLoad(now = Date.now()) {
    if (this.inFlight) return false;
    if (this.answeredAt === 0 || !this.snapshot.value) return true;
    return now - this.answeredAt > DEDUPE_MS;
  }

  /**
   * Forgets, while nobody shows it, a failure (a component mounting later
   * asks again and shows the skeleton meanwhile, not the old error) or an
   * answer too old to show again.
   */
  forgetIfStale(now = Date.now()) {
    if (this.watched || this.inFlight || this.answeredAt === 0) return;
    if (this.snapshot.error || now - this.answeredAt > MAX_STALE_MS) {
      this.snapshot = { loading: true };
      this.answeredAt = 0;
    }
  }

  /** Loads the document unless a request for it is already in flight. */
  load = () => {
    if (this.inFlight) return;
    this.inFlight = true;
    this.set({ ...this.snapshot, loading: true });
    this.api.getClusterStatus(this.cluster).then(
      value => this.answer({ loading: false, value }),
      error => this.answer({ loading: false, error }),
    );
  };

  private answer(next: StatusSnapshot) {
    this.inFlight = false;
    this.answeredAt = Date.now();
    // The client answers an unchanged document (304) with the same object:
    // keep the snapshot's value identity so memoised sections skip rendering.
    this.set(next);
  }

  private set(next: StatusSnapshot) {
    const prev = this.snapshot;
    if (
      prev.loading === next.loading &&
      prev.error === next.error &&
      prev.value === next.value
    ) {
      return;
    }
    this.snapshot = next;
    this.listeners.forEach(l => l());
  }
}

const stores = new WeakMap<CiliumApi, Map<string, KeptStatusDocument>>();

/** The shared entry of `cluster` for this API instance. */
export function keptStatusDocument(
  api: CiliumApi,
  cluster: string,
): KeptStatusDocument {
  let entries = stores.get(api);
  if (!entries) {
    entries = new Map();
    stores.set(api, entries);
  }
  let entry = entries.get(cluster);
  if (entry) {
    // Most recently used last.
    entries.delete(cluster);
    entries.set(cluster, entry);
    entry.forgetIfStale();
    return entry;
  }
  entry = new KeptStatusDocument(api, cluster);
  entries.set(cluster, entry);
  for (const [name, e] of entries) {
    if (entries.size <= MAX_CLUSTERS) break;
    if (!e.watched && e !== entry) entries.delete(name);
  }
  return entry;
}
