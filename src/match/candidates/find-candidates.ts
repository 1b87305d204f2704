/**
 * Candidate edges: every (offer, need) pair that passes all hard rules, with how many pairs each
 * rule removed, overall and per need (so an unmet need can say which rules shut it out).
 *
 * No all-pairs loop: each offer asks a spatial grid (or its districts) for the communities in
 * its area, once per community (offer-reach.ts); pairs of other forms and pairs outside the area
 * are counted against `form` and `area` by subtraction. Then need by need, the offers that reach
 * the need's (community, form) bucket are checked rule by rule (category here, the rest in
 * pair-rules.ts), so counts still charge each removed pair to the first rule it fails, and the
 * edges come out sorted by need, then offer, without a sort.
 */
import type { Category, SupportForm } from '../../domain/taxonomy.js';
import { CATEGORY_IDS, RELATED_CATEGORIES } from '../../domain/taxonomy.js';
import type { BatchIndex } from '../model/batch-index.js';
import { HARD_RULE_NAMES, categoryMask, type HardRuleName } from './rules.js';
import { CommunityGrid } from './community-grid.js';
import { distanceKm } from './geo.js';
import { FORMS, offerReach } from './offer-reach.js';
import { RareRules, type RareRuleInput } from './pair-rules.js';
import { batchColumns, type BatchColumns } from '../model/batch-columns.js';
import { PairBuffer } from './pair-buffer.js';

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
  const pairs = scanNeeds(index, options, usable, pooled, removedByNeed);
  const removed = new Float64Array(RULES);
  let pairsConsidered = 0;
  for (let n = 0; n < needs.length; n++) {
    if (!pooled[n]) continue;
    removedByNeed[n * RULES + 0] = offers.length - usable.length;
    removedByNeed[n * RULES + 1] = usable.length - perForm[col.needForm[n]!]!;
    removedByNeed[n * RULES + AREA] = perForm[col.needForm[n]!]! - removedByNeed[n * RULES + AREA]!;
    pairsConsidered += offers.length;
    for (let r = 0; r < RULES; r++) removed[r] = removed[r]! + removedByNeed[n * RULES + r]!;
  }
  const removedBy = Object.fromEntries(HARD_RULE_NAMES.map((name, r) => [name, removed[r]!])) as Record<HardRuleName, number>;
  return { count: pairs.length, offer: pairs.offer.slice(0, pairs.length), need: pairs.need.slice(0, pairs.length), distanceKm: pairs.km.slice(0, pairs.length), pooled, pairsConsidered, removedBy, removedByNeed };
}

/**
 * Every pooled need, in order, against the offers that reach its (community, form) bucket, rule by
 * rule; then its forced pairs. The pairs come out sorted by need, then offer (forced pairs last).
 * The number of offers in range is left in the `area` slot of removedByNeed (the caller turns it
 * into the count the area rule removed).
 */
function scanNeeds(index: BatchIndex, options: CandidateOptions, usable: readonly number[], pooled: Uint8Array, removedByNeed: Int32Array): PairBuffer {
  const col = batchColumns(index);
  const buckets = needsByCommunityAndForm(index, col, pooled);
  const reach = offerReach(col, new CommunityGrid(index.communities), usable, (k) => buckets.start[k] !== buckets.start[k + 1]);
  const acceptedMask = acceptedMasks(col, options.relatedCategoryFit);
  const rare = new RareRules(index, col, rareRuleInput(index, options));
  const offerMayFail = new Uint8Array(index.offers.length);
  for (const o of usable) offerMayFail[o] = rare.offerMayFail(o) ? 1 : 0;
  const forced = forcedByNeed(index, options.forced);
  // At most every offer in range of every pooled need, plus the forced pairs: one allocation.
  let bound = options.forced.length;
  for (let n = 0; n < pooled.length; n++) {
    const k = index.needCommunity[n]! * FORMS + col.needForm[n]!;
    if (pooled[n]) bound += reach.start[k + 1]! - reach.start[k]!;
  }
  const pairs = new PairBuffer(bound);
  for (let n = 0; n < pooled.length; n++) {
    const first = pairs.length;
    if (pooled[n]) {
      const c = index.needCommunity[n]!;
      const k = c * FORMS + col.needForm[n]!;
      const accepted = acceptedMask[n]!;
      removedByNeed[n * RULES + AREA] = reach.start[k + 1]! - reach.start[k]!;
      for (let i = reach.start[k]!; i < reach.start[k + 1]!; i++) {
        const o = reach.offer[i]!;
        if ((col.offerCategoryMask[o]! & accepted) === 0) {
          removedByNeed[n * RULES + CATEGORY]!++;
          continue;
        }
        const failed = rare.mayFail(o, n, offerMayFail[o] === 1) ? rare.firstFailing(o, n, c) : -1;
        if (failed >= 0) removedByNeed[n * RULES + failed]!++;
        else pairs.push(o, n, reach.km[i]!);
      }
    }
    const extra = forced.get(n);
    if (extra) appendForced(index, n, extra, pairs, first);
  }
  return pairs;
}

/** Forced pairs by need index, in the order given (unknown ids are dropped: they pair nothing). */
function forcedByNeed(index: BatchIndex, forced: CandidateOptions['forced']): Map<number, number[]> {
  const byNeed = new Map<number, number[]>();
  for (const pair of forced) {
    const n = index.needIndex.get(pair.need);
    const o = index.offerIndex.get(pair.offer);
    if (n === undefined || o === undefined) continue;
    const list = byNeed.get(n);
    if (list) list.push(o);
    else byNeed.set(n, [o]);
  }
  return byNeed;
}

/** Appends need n's forced offers that the rules did not already admit (pairs[first..] are n's so far), once each. */
function appendForced(index: BatchIndex, n: number, offers: readonly number[], pairs: PairBuffer, first: number): void {
  for (const o of offers) {
    let present = false;
    for (let i = first; i < pairs.length && !present; i++) present = pairs.offer[i] === o;
    if (present) continue;
    const offer = index.offers[o]!;
    const at = index.communities[index.needCommunity[n]!]!.location;
    pairs.push(o, n, offer.location ? distanceKm(offer.location.lat, offer.location.lon, at.lat, at.lon) : Number.NaN);
  }
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
