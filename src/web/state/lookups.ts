/**
 * Names for ids: pairings and unmet needs carry community, need and offer ids; officials read
 * names (东园村, 冬季御寒衣被, 南港村护苗志愿服务队). Loaded once per set of batches and cached.
 */
import type { ApiClient } from '../api/client.js';
import { endpoints } from '../api/endpoints.js';
import type { CommunityView, NeedView, OfferView } from '../api/types.js';

export interface Lookups {
  readonly communities: ReadonlyMap<string, CommunityView>;
  readonly offers: ReadonlyMap<string, OfferView>;
  readonly needs: ReadonlyMap<string, NeedView['need']>;
  /** District → street → communities, sorted, for the filters. */
  readonly places: ReadonlyMap<string, ReadonlyMap<string, readonly CommunityView[]>>;
}

const cache = new Map<string, Promise<Lookups>>();

function placesOf(communities: readonly CommunityView[]): Lookups['places'] {
  const byDistrict = new Map<string, Map<string, CommunityView[]>>();
  const sorted = [...communities].sort((a, b) => a.district.localeCompare(b.district, 'zh') || a.street.localeCompare(b.street, 'zh') || a.name.localeCompare(b.name, 'zh'));
  for (const c of sorted) {
    const streets = byDistrict.get(c.district) ?? new Map<string, CommunityView[]>();
    byDistrict.set(c.district, streets);
    streets.set(c.street, [...(streets.get(c.street) ?? []), c]);
  }
  return byDistrict;
}

async function load(api: ApiClient, batchIds: readonly string[]): Promise<Lookups> {
  const perBatch = await Promise.all(
    batchIds.map(async (id) => {
      const [communities, offers, needs] = await Promise.all([endpoints.communities(api, id), endpoints.offers(api, id), endpoints.needs(api, id)]);
      return { communities, offers, needs };
    }),
  );
  const communities = perBatch.flatMap((b) => b.communities);
  return {
    communities: new Map(communities.map((c) => [c.id, c])),
    offers: new Map(perBatch.flatMap((b) => b.offers).map((o) => [o.id, o])),
    needs: new Map(perBatch.flatMap((b) => b.needs).map((n) => [n.id, n.need])),
    places: placesOf([...new Map(communities.map((c) => [c.id, c])).values()]),
  };
}

/** The names of a run's batches (one request set per distinct set of batches). */
export function lookupsFor(api: ApiClient, batchIds: readonly string[]): Promise<Lookups> {
  const key = [...batchIds].sort().join(',');
  let entry = cache.get(key);
  if (!entry) {
    entry = load(api, batchIds);
    cache.set(key, entry);
    entry.catch(() => cache.delete(key));
  }
  return entry;
}

/** Forget cached names (on sign-out: another key may see other batches). */
export function clearLookups(): void {
  cache.clear();
}
