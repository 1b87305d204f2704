/**
 * The batch's per-record facts that the candidate and scoring loops read, as typed-array columns.
 *
 * Needs and offers are plain objects whose shapes differ with their optional fields (a window
 * here, a bundle there), so a loop that reads `need.form` over millions of pairs goes megamorphic
 * and slow. Each fact is read once per record here; the pair loops then touch only numbers.
 * Built once per BatchIndex and shared by the stages (cached on the index object).
 */
import type { BatchIndex } from './batch-index.js';
import { CATEGORY_IDS, SUPPORT_FORM_IDS } from '../../domain/taxonomy.js';
import { categoryMask } from '../candidates/rules.js';

export interface BatchColumns {
  /** Support form as an index into SUPPORT_FORM_IDS. */
  readonly needForm: Uint8Array;
  /** Category as an index into CATEGORY_IDS. */
  readonly needCategory: Uint8Array;
  readonly needQuantity: Float64Array;
  /** 1 when the need requires skills / has a time window. */
  readonly needHasSkills: Uint8Array;
  readonly needHasWindow: Uint8Array;
  readonly offerForm: Uint8Array;
  /** Categories served, as a bitmask over CATEGORY_IDS. */
  readonly offerCategoryMask: Int32Array;
  /** Base location (NaN without one) and radius (NaN without one). */
  readonly offerLat: Float64Array;
  readonly offerLon: Float64Array;
  readonly offerRadius: Float64Array;
  readonly offerHasLocation: Uint8Array;
  readonly offerHasSkills: Uint8Array;
  readonly offerHasWindow: Uint8Array;
  readonly offerHasExclusions: Uint8Array;
  /** Per offer with a district list: 1 for each served district (indexes as communityDistrict). */
  readonly offerDistricts: ReadonlyArray<Uint8Array | null>;
  /** Per offer with preferred communities: their community indexes. */
  readonly offerPreferred: ReadonlyArray<ReadonlySet<number> | null>;
  readonly communityLat: Float64Array;
  readonly communityLon: Float64Array;
  /** District of each community as an index into `districtNames`. */
  readonly communityDistrict: Int32Array;
  readonly districtNames: readonly string[];
}

const cache = new WeakMap<BatchIndex, BatchColumns>();

/** The columns of a batch index (computed on first use). */
export function batchColumns(index: BatchIndex): BatchColumns {
  let columns = cache.get(index);
  if (!columns) cache.set(index, (columns = buildColumns(index)));
  return columns;
}

const FORM_OF = new Map(SUPPORT_FORM_IDS.map((f, i) => [f as string, i] as const));
const CATEGORY_OF = new Map(CATEGORY_IDS.map((c, i) => [c as string, i] as const));

function buildColumns(index: BatchIndex): BatchColumns {
  const { needs, offers, communities } = index;
  const districtOf = new Map<string, number>();
  const communityDistrict = Int32Array.from(communities, (c) => {
    let d = districtOf.get(c.district);
    if (d === undefined) districtOf.set(c.district, (d = districtOf.size));
    return d;
  });
  return {
    needForm: Uint8Array.from(needs, (n) => FORM_OF.get(n.form)!),
    needCategory: Uint8Array.from(needs, (n) => CATEGORY_OF.get(n.category)!),
    needQuantity: Float64Array.from(needs, (n) => n.quantity),
    needHasSkills: Uint8Array.from(needs, (n) => (n.skills.length > 0 ? 1 : 0)),
    needHasWindow: Uint8Array.from(needs, (n) => (n.window ? 1 : 0)),
    offerForm: Uint8Array.from(offers, (o) => FORM_OF.get(o.form)!),
    offerCategoryMask: Int32Array.from(offers, (o) => categoryMask(o.categories)),
    offerLat: Float64Array.from(offers, (o) => o.location?.lat ?? Number.NaN),
    offerLon: Float64Array.from(offers, (o) => o.location?.lon ?? Number.NaN),
    offerRadius: Float64Array.from(offers, (o) => o.radiusKm ?? Number.NaN),
    offerHasLocation: Uint8Array.from(offers, (o) => (o.location ? 1 : 0)),
    offerHasSkills: Uint8Array.from(offers, (o) => (o.skills.length > 0 ? 1 : 0)),
    offerHasWindow: Uint8Array.from(offers, (o) => (o.window ? 1 : 0)),
    offerHasExclusions: Uint8Array.from(offers, (o) => (o.excludedCommunities.length > 0 ? 1 : 0)),
    offerDistricts: offers.map((o) => {
      if (o.districts.length === 0) return null;
      const served = new Uint8Array(districtOf.size);
      for (const name of o.districts) {
        const d = districtOf.get(name);
        if (d !== undefined) served[d] = 1; // a district no community lies in serves nobody
      }
      return served;
    }),
    offerPreferred: offers.map((o) => {
      if (o.preferredCommunities.length === 0) return null;
      const set = new Set<number>();
      for (const id of o.preferredCommunities) {
        const c = index.communityIndex.get(id);
        if (c !== undefined) set.add(c);
      }
      return set;
    }),
    communityLat: Float64Array.from(communities, (c) => c.location.lat),
    communityLon: Float64Array.from(communities, (c) => c.location.lon),
    communityDistrict,
    districtNames: [...districtOf.keys()],
  };
}
