/**
 * Candidate edges: every (offer, need) pair that passes all hard rules, with how many pairs each
 * rule removed, overall and per need (so an unmet need can say which rules shut it out).
 *
 * No all-pairs loop: offers are bucketed by form (a pair of different forms is counted against
 * `form` without being looked at), and each offer asks a spatial grid for the communities in its
 * radius (the pairs outside are counted against `area` by subtraction). Only pairs in range are
 * checked rule by rule, so counts still charge each removed pair to the first rule it fails.
 */
import type { Category, SupportForm } from '../../domain/taxonomy.js';
import { CATEGORY_IDS, RELATED_CATEGORIES } from '../../domain/taxonomy.js';
import type { BatchIndex } from '../model/batch-index.js';
import { HARD_RULE_NAMES, categoryMask, type HardRuleName } from './rules.js';
import { CommunityGrid } from './community-grid.js';
import { cosLatitude, distanceKm, distanceKmCos } from './geo.js';
import { RareRules, type RareRuleInput } from './pair-rules.js';
import { batchColumns, type BatchColumns } from '../model/batch-columns.js';
import { PairBuffer, sortByNeed } from './pair-buffer.js';

export interface CandidateSet {
  /** Number of candidate edges. */
  readonly count: number;
  /** Edges sorted by need, then offer. */
  readonly offer: Int32Array;
  readonly need: Int32Array;
  /**
   * Km from each edge's offer base to its need's community (NaN when the offer has no location),
   * as the area rule measured it; absent in sets built by hand (scoring then measures it).
   */
  readonly distanceKm?: Float64Array;
  /** Needs that take part in matching (pooled); the others are reported as not pooled. */
  readonly pooled: Uint8Array;
  readonly pairsConsidered: number;
  readonly removedBy: Readonly<Record<HardRuleName, number>>;
  /** removedByNeed[need * HARD_RULE_NAMES.length + rule]: pairs of that need removed by that rule. */
  readonly removedByNeed: Int32Array;
}

export interface CandidateOptions {
  readonly relatedCategoryFit: number;
  readonly forbidden: ReadonlyArray<{ readonly need: string; readonly offer: string }>;
  /** Pairs kept whatever the rules say (locked by an official); appended when not candidates. */
  readonly forced: ReadonlyArray<{ readonly need: string; readonly offer: string }>;
  readonly mode: 'flow' | 'one-to-one';
}

/** What one pairing of an offer can give in one-to-one mode: capacity split over its pairings. */
export function oneToOneShare(offer: { capacity: number; maxPairings?: number | undefined }): number {
  return Math.floor(offer.capacity / (offer.maxPairings ?? 1));
}

/** Categories a need of `category` accepts offers of. */
export function acceptedCategories(category: Category, relatedFit: number): Set<Category> {
  const accepted = new Set<Category>([category]);
  if (relatedFit > 0) {
    for (const [a, b] of RELATED_CATEGORIES) {
      if (a === category) accepted.add(b);
      if (b === category) accepted.add(a);
    }
  }
  return accepted;
}

const RULES = HARD_RULE_NAMES.length;
const AREA = HARD_RULE_NAMES.indexOf('area');
const CATEGORY = HARD_RULE_NAMES.indexOf('category');
/** Rules checked pair by pair, in order: everything after `area` (`category` inline, then RareRules in pair-rules.ts). */
const PAIR_RULE_ORDER = ['category', 'time_window', 'skills', 'excluded_community', 'forbidden_pair', 'one_to_one_share'];
if (HARD_RULE_NAMES.slice(AREA + 1).join() !== PAIR_RULE_ORDER.join() || HARD_RULE_NAMES.slice(0, 2).join() !== 'capacity,form') {
  throw new Error('match/candidates: HARD_RULES order changed; update scanOffersInRange and pair-rules.ts');
}

/** Finds the candidate edges of a batch. */
export function findCandidates(index: BatchIndex, options: CandidateOptions): CandidateSet {
  const { offers, needs } = index;
  const col = batchColumns(index);
  const removedByNeed = new Int32Array(needs.length * RULES);
  const pooled = new Uint8Array(needs.length);
  for (let n = 0; n < needs.length; n++) pooled[n] = needs[n]!.pooled ? 1 : 0;
  const usable: number[] = [];
  const perForm = new Int32Array(FORMS);
  for (let o = 0; o < offers.length; o++) {
    if (!(offers[o]!.capacity > 0)) continue;
    usable.push(o);
    perForm[col.offerForm[o]!]!++;
  }
  const inRange = new Int32Array(needs.length);
  const pairs = scanOffersInRange(index, options, usable, pooled, inRange, removedByNeed);
  for (let n = 0; n < needs.length; n++) {
    if (!pooled[n]) continue;
    removedByNeed[n * RULES + 0] = offers.length - usable.length;
    removedByNeed[n * RULES + 1] = usable.length - perForm[col.needForm[n]!]!;
    removedByNeed[n * RULES + AREA] = perForm[col.needForm[n]!]! - inRange[n]!;
  }
  appendForced(index, options.forced, pairs);
  const removed = new Float64Array(RULES);
  let pairsConsidered = 0;
  for (let n = 0; n < needs.length; n++) {
    if (!pooled[n]) continue;
    pairsConsidered += offers.length;
    for (let r = 0; r < RULES; r++) removed[r] = removed[r]! + removedByNeed[n * RULES + r]!;
  }
  const removedBy = Object.fromEntries(HARD_RULE_NAMES.map((name, r) => [name, removed[r]!])) as Record<HardRuleName, number>;
  const sorted = sortByNeed(pairs, needs.length);
  return { count: sorted.need.length, offer: sorted.offer, need: sorted.need, distanceKm: sorted.km, pooled, pairsConsidered, removedBy, removedByNeed };
}

/** Every usable offer against the pooled needs of the communities in its area, rule by rule. */
function scanOffersInRange(
  index: BatchIndex,
  options: CandidateOptions,
  usable: readonly number[],
  pooled: Uint8Array,
  inRange: Int32Array,
  removedByNeed: Int32Array,
): PairBuffer {
  const col = batchColumns(index);
  const grid = new CommunityGrid(index.communities);
  const buckets = needsByCommunityAndForm(index, col, pooled);
  const acceptedMask = acceptedMasks(col, options.relatedCategoryFit);
  const rare = new RareRules(index, col, rareRuleInput(index, options));
  const all = new Int32Array(index.communities.length);
  for (let c = 0; c < all.length; c++) all[c] = c;
  const nearby = new Int32Array(index.communities.length);
  const pairs = new PairBuffer();
  for (const o of usable) {
    const offerMask = col.offerCategoryMask[o]!;
    const offerMayFail = rare.offerMayFail(o);
    const located = col.offerHasLocation[o] === 1;
    const [lat, lon, cosLat] = [col.offerLat[o]!, col.offerLon[o]!, cosLatitude(col.offerLat[o]!)];
    // The order communities are visited in does not matter: pairs are sorted by need below, and
    // each need lies in one community, so its pairs keep the offers' (increasing) order.
    const places = hasRadius(col, o) ? nearby : all;
    const count = hasRadius(col, o) ? grid.collectWithin(lat, lon, col.offerRadius[o]!, nearby) : all.length;
    const formBase = col.offerForm[o]!;
    for (let i = 0; i < count; i++) {
      const c = places[i]!;
      const from = buckets.start[c * FORMS + formBase]!;
      const to = buckets.start[c * FORMS + formBase + 1]!;
      if (from === to) continue;
      const km = located ? distanceKmCos(lat, lon, cosLat, col.communityLat[c]!, col.communityLon[c]!, col.communityCosLat[c]!) : Number.NaN;
      if (!inArea(col, o, c, km)) continue;
      for (let j = from; j < to; j++) {
        const n = buckets.needs[j]!;
        inRange[n]!++;
        if ((offerMask & acceptedMask[n]!) === 0) {
          removedByNeed[n * RULES + CATEGORY]!++;
          continue;
        }
        const failed = rare.mayFail(o, n, offerMayFail) ? rare.firstFailing(o, n, c) : -1;
        if (failed >= 0) removedByNeed[n * RULES + failed]!++;
        else pairs.push(o, n, km);
      }
    }
  }
  return pairs;
}

/** Forbidden pairs as numeric keys, and one-to-one shares per offer. */
function rareRuleInput(index: BatchIndex, options: CandidateOptions): RareRuleInput {
  const forbidden = new Set<number>();
  for (const p of options.forbidden) {
    const n = index.needIndex.get(p.need);
    const o = index.offerIndex.get(p.offer);
    if (n !== undefined && o !== undefined) forbidden.add(n * index.offers.length + o); // unknown ids forbid nothing
  }
  if (options.mode !== 'one-to-one') return { forbidden, share: null };
  const share = new Float64Array(index.offers.length);
  for (let o = 0; o < share.length; o++) share[o] = oneToOneShare(index.offers[o]!);
  return { forbidden, share };
}

const FORMS = 4;

function hasRadius(col: BatchColumns, o: number): boolean {
  return col.offerHasLocation[o] === 1 && !Number.isNaN(col.offerRadius[o]!);
}

/** The `area` rule (HARD_RULES.area) on columns: the offer's districts, then its radius (`km` away). */
function inArea(col: BatchColumns, o: number, c: number, km: number): boolean {
  const districts = col.offerDistricts[o];
  if (districts && districts[col.communityDistrict[c]!] !== 1) return false;
  return !hasRadius(col, o) || km <= col.offerRadius[o]!;
}

/** Categories each need accepts offers of, as bitmasks (one mask per category, shared). */
function acceptedMasks(col: BatchColumns, relatedFit: number): Int32Array {
  const perCategory = Int32Array.from(CATEGORY_IDS, (c) => categoryMask(acceptedCategories(c, relatedFit)));
  const masks = new Int32Array(col.needCategory.length);
  for (let n = 0; n < masks.length; n++) masks[n] = perCategory[col.needCategory[n]!]!;
  return masks;
}

/** Pooled needs grouped by (community, form) in CSR form: bucket k = community * 4 + form. */
function needsByCommunityAndForm(index: BatchIndex, col: BatchColumns, pooled: Uint8Array): { start: Int32Array; needs: Int32Array } {
  const buckets = index.communities.length * FORMS;
  const start = new Int32Array(buckets + 1);
  const keyOf = (n: number) => index.needCommunity[n]! * FORMS + col.needForm[n]!;
  for (let n = 0; n < pooled.length; n++) if (pooled[n]) start[keyOf(n) + 1]!++;
  for (let k = 0; k < buckets; k++) start[k + 1]! += start[k]!;
  const next = start.slice(0, buckets);
  const needs = new Int32Array(start[buckets]!);
  for (let n = 0; n < pooled.length; n++) if (pooled[n]) needs[next[keyOf(n)]!++] = n;
  return { start, needs };
}

/** Appends forced pairs that the rules did not already admit. */
function appendForced(index: BatchIndex, forced: CandidateOptions['forced'], pairs: PairBuffer): void {
  if (forced.length === 0) return;
  const O = index.offers.length;
  const present = new Set<number>();
  for (let e = 0; e < pairs.length; e++) present.add(pairs.need[e]! * O + pairs.offer[e]!);
  for (const pair of forced) {
    const n = index.needIndex.get(pair.need);
    const o = index.offerIndex.get(pair.offer);
    if (n === undefined || o === undefined || present.has(n * O + o)) continue;
    present.add(n * O + o);
    const offer = index.offers[o]!;
    const at = index.communities[index.needCommunity[n]!]!.location;
    pairs.push(o, n, offer.location ? distanceKm(offer.location.lat, offer.location.lon, at.lat, at.lon) : Number.NaN);
  }
}
