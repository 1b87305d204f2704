/**
 * Pages of a run's pairings, rendered once per (run, query, revision of the run's pairings) and
 * answered from memory after that. A decision or new pairings of the run commit a new revision
 * (store/ports.ts `revision`), so the next read renders the page afresh, with a new ETag.
 */
import { createHash } from 'node:crypto';
import type { PairingSort, Store } from '../store/ports.js';
import type { PairingStatus } from '../store/records.js';
import { RenderedCache, type Rendered } from './rendered-cache.js';
import { pageReplyJson } from './schemas/common.js';
import { pairingViewJson } from './views.js';

/** A page request as the route validates it. */
export interface PairingPageQuery {
  readonly district?: string | undefined;
  readonly street?: string | undefined;
  readonly community?: string | undefined;
  readonly category?: string | undefined;
  readonly providerKind?: string | undefined;
  readonly status?: PairingStatus | undefined;
  readonly sort: PairingSort;
  readonly limit: number;
  readonly offset: number;
}

/** Rendered pages held per store, at most this many bytes (a few hundred typical pages). */
const MAX_BYTES = 32 * 1024 * 1024;

const caches = new WeakMap<Store, RenderedCache>();

/** One cache per store: tests run several services (several stores) in one process. */
function cacheOf(store: Store): RenderedCache {
  let cache = caches.get(store);
  if (!cache) {
    cache = new RenderedCache(MAX_BYTES);
    caches.set(store, cache);
  }
  return cache;
}

/** The cache key: every field that shapes the page (JSON keeps `undefined` and a text apart). */
const keyOf = (runId: string, q: PairingPageQuery) =>
  JSON.stringify([runId, q.sort, q.limit, q.offset, q.district, q.street, q.community, q.category, q.providerKind, q.status].map((v) => v ?? null));

/** A strong ETag: the body's hash, so equal tags always mean equal bytes, across restarts too. */
export const bodyEtag = (body: Buffer) => `"p${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

async function render(store: Store, runId: string, query: PairingPageQuery): Promise<Rendered> {
  const { limit, offset, sort, ...filter } = query;
  // Sent as JSON text built around each pairing's stored detail (see pairingViewJson).
  const page = await store.read.pairings.listRaw(runId, filter, sort, { limit, offset });
  const body = Buffer.from(pageReplyJson(page.items.map(pairingViewJson), page.total, query), 'utf8');
  return { body, etag: bodyEtag(body) };
}

/**
 * The page as JSON bytes with its ETag, from the cache while the run's pairings are unchanged.
 * The caller has checked that the run exists and succeeded.
 */
export async function pairingPage(store: Store, runId: string, query: PairingPageQuery): Promise<Rendered> {
  // The revision is read before the rows: a commit in between makes the entry look older than
  // it is (one needless render), never newer (a stale page answered as current).
  const revision = await store.read.pairings.revision(runId);
  const cache = cacheOf(store);
  const key = keyOf(runId, query);
  const cached = cache.get(key, revision);
  if (cached) return cached;
  const rendered = await render(store, runId, query);
  cache.set(key, revision, rendered);
  return rendered;
}
