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
  /** 1 when the need may be met partly. */
  readonly needPartial: Uint8Array;
  /** 1 when the need requires skills / has a time window. */
  readonly needHasSkills: Uint8Array;
  readonly needHasWindow: Uint8Array;
  /** Window ends as YYYYMMDD numbers (0 without a window). */
  readonly needWindowStart: Int32Array;
  readonly needWindowEnd: Int32Array;
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
  readonly offerWindowStart: Int32Array;
  readonly offerWindowEnd: Int32Array;
  readonly offerHasExclusions: Uint8Array;
  /** Per offer with excluded communities: their community indexes. */
  readonly offerExcluded: ReadonlyArray<ReadonlySet<number> | null>;
  /** Per offer with a district list: 1 for each served district (indexes as communityDistrict). */
  readonly offerDistricts: ReadonlyArray<Uint8Array | null>;
  /** Per offer with preferred communities: their community indexes. */
  readonly offerPreferred: ReadonlyArray<ReadonlySet<number> | null>;
  readonly communityLat: Float64Array;
  readonly communityLon: Float64Array;
  /** cos(latitude) of each community, as the haversine uses it. */
  readonly communityCosLat: Float64Array;
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
const RAD = Math.PI / 180;

/** A typed column filled by a loop (`TypedArray.from(list, fn)` is several times slower in V8). */
function column<T extends Uint8Array | Int32Array | Float64Array>(make: new (n: number) => T, list: readonly unknown[], value: (i: number) => number): T {
  const out = new make(list.length);
  for (let i = 0; i < list.length; i++) out[i] = value(i);
  return out;
}

/** An ISO date (YYYY-MM-DD) as the number YYYYMMDD: same order as the strings. */
export function dayNumber(date: string): number {
  return Number(date.slice(0, 4)) * 10_000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));
}

function buildColumns(index: BatchIndex): BatchColumns {
  const { needs, offers, communities } = index;
  const districtOf = new Map<string, number>();
  const communityDistrict = column(Int32Array, communities, (i) => {
    const name = communities[i]!.district;
    let d = districtOf.get(name);
    if (d === undefined) districtOf.set(name, (d = districtOf.size));
    return d;
  });
  const communitySet = (ids: readonly string[]) => {
    if (ids.length === 0) return null;
    const set = new Set<number>();
    for (const id of ids) {
      const c = index.communityIndex.get(id);
      if (c !== undefined) set.add(c);
    }
    return set;
  };
  const communityLat = column(Float64Array, communities, (i) => communities[i]!.location.lat);
  return {
    needForm: column(Uint8Array, needs, (i) => FORM_OF.get(needs[i]!.form)!),
    needCategory: column(Uint8Array, needs, (i) => CATEGORY_OF.get(needs[i]!.category)!),
    needQuantity: column(Float64Array, needs, (i) => needs[i]!.quantity),
    needPartial: column(Uint8Array, needs, (i) => (needs[i]!.partial ? 1 : 0)),
    needHasSkills: column(Uint8Array, needs, (i) => (needs[i]!.skills.length > 0 ? 1 : 0)),
    needHasWindow: column(Uint8Array, needs, (i) => (needs[i]!.window ? 1 : 0)),
    needWindowStart: column(Int32Array, needs, (i) => (needs[i]!.window ? dayNumber(needs[i]!.window!.start) : 0)),
    needWindowEnd: column(Int32Array, needs, (i) => (needs[i]!.window ? dayNumber(needs[i]!.window!.end) : 0)),
    offerForm: column(Uint8Array, offers, (i) => FORM_OF.get(offers[i]!.form)!),
    offerCategoryMask: column(Int32Array, offers, (i) => categoryMask(offers[i]!.categories)),
    offerLat: column(Float64Array, offers, (i) => offers[i]!.location?.lat ?? Number.NaN),
    offerLon: column(Float64Array, offers, (i) => offers[i]!.location?.lon ?? Number.NaN),
    offerRadius: column(Float64Array, offers, (i) => offers[i]!.radiusKm ?? Number.NaN),
    offerHasLocation: column(Uint8Array, offers, (i) => (offers[i]!.location ? 1 : 0)),
    offerHasSkills: column(Uint8Array, offers, (i) => (offers[i]!.skills.length > 0 ? 1 : 0)),
    offerHasWindow: column(Uint8Array, offers, (i) => (offers[i]!.window ? 1 : 0)),
    offerWindowStart: column(Int32Array, offers, (i) => (offers[i]!.window ? dayNumber(offers[i]!.window!.start) : 0)),
    offerWindowEnd: column(Int32Array, offers, (i) => (offers[i]!.window ? dayNumber(offers[i]!.window!.end) : 0)),
    offerHasExclusions: column(Uint8Array, offers, (i) => (offers[i]!.excludedCommunities.length > 0 ? 1 : 0)),
    offerExcluded: offers.map((o) => communitySet(o.excludedCommunities)),
    offerDistricts: offers.map((o) => {
      if (o.districts.length === 0) return null;
      const served = new Uint8Array(districtOf.size);
      for (const name of o.districts) {
        const d = districtOf.get(name);
        if (d !== undefined) served[d] = 1; // a district no community lies in serves nobody
      }
      return served;
    }),
    offerPreferred: offers.map((o) => communitySet(o.preferredCommunities)),
    communityLat,
    communityLon: column(Float64Array, communities, (i) => communities[i]!.location.lon),
    communityCosLat: column(Float64Array, communities, (i) => Math.cos(communityLat[i]! * RAD)),
    communityDistrict,
    districtNames: [...districtOf.keys()],
  };
}
