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
import { pairKey } from '../model/batch-index.js';
import { HARD_RULES, HARD_RULE_NAMES, categoryMask, type HardRuleName, type PairFacts } from './rules.js';
import { CommunityGrid } from './community-grid.js';
import { distanceKm } from './geo.js';
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
/** Rules checked pair by pair, in order: everything after `area` (`category` inline, then firstFailingRareRule). */
const PAIR_RULE_ORDER = ['category', 'time_window', 'skills', 'excluded_community', 'forbidden_pair', 'one_to_one_share'];
if (HARD_RULE_NAMES.slice(AREA + 1).join() !== PAIR_RULE_ORDER.join()) {
  throw new Error('match/candidates: HARD_RULES order changed; update scanOffersInRange');
}
const [CATEGORY, TIME, SKILLS, EXCLUDED, FORBIDDEN, SHARE] = PAIR_RULE_ORDER.map((r) => HARD_RULE_NAMES.indexOf(r as HardRuleName));

/** Finds the candidate edges of a batch. */
export function findCandidates(index: BatchIndex, options: CandidateOptions): CandidateSet {
  const { offers, needs } = index;
  const removedByNeed = new Int32Array(needs.length * RULES);
  const pooled = Uint8Array.from(needs, (n) => (n.pooled ? 1 : 0));
  const usable = offers.map((o, i) => i).filter((i) => offers[i]!.capacity > 0);
  const perForm = new Map<SupportForm, number>();
  for (const o of usable) perForm.set(offers[o]!.form, (perForm.get(offers[o]!.form) ?? 0) + 1);
  const inRange = new Int32Array(needs.length);
  const pairs = scanOffersInRange(index, options, usable, pooled, inRange, removedByNeed);
  needs.forEach((need, n) => {
    if (!pooled[n]) return;
    const sameForm = perForm.get(need.form) ?? 0;
    removedByNeed[n * RULES + 0] = offers.length - usable.length;
    removedByNeed[n * RULES + 1] = usable.length - sameForm;
    removedByNeed[n * RULES + AREA] = sameForm - inRange[n]!;
  });
  appendForced(index, options.forced, pairs);
  const removedBy = Object.fromEntries(HARD_RULE_NAMES.map((name) => [name, 0])) as Record<HardRuleName, number>;
  let pairsConsidered = 0;
  for (let n = 0; n < needs.length; n++) {
    if (!pooled[n]) continue;
    pairsConsidered += offers.length;
    HARD_RULE_NAMES.forEach((name, r) => (removedBy[name] += removedByNeed[n * RULES + r]!));
  }
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
  const { offers, needs, communities } = index;
  const col = batchColumns(index);
  const grid = new CommunityGrid(communities);
  const buckets = needsByCommunityAndForm(index, col, pooled);
  const acceptedMask = acceptedMasks(col, options.relatedCategoryFit);
  const forbidden = new Set(options.forbidden.map((p) => pairKey(p.need, p.offer)));
  const isForbidden = (need: string, offer: string) => forbidden.size > 0 && forbidden.has(pairKey(need, offer));
  const oneToOne = options.mode === 'one-to-one';
  const all = Int32Array.from(communities, (_, i) => i);
  const pairs = new PairBuffer();
  // The rare rules (windows, skills, exclusions, forbidden pairs, one-to-one shares) run as the
  // named predicates on one reused facts object; every field set up front keeps its shape fixed.
  const facts: { -readonly [K in keyof PairFacts]: PairFacts[K] } = {
    offer: offers[0]!,
    need: needs[0]!,
    community: communities[0]!,
    offerCategoryMask: 0,
    acceptedCategoryMask: 0,
    isForbidden,
    oneToOneShare: undefined,
  };
  for (const o of usable) {
    const offerMask = col.offerCategoryMask[o]!;
    // Whether any pair of this offer can fail a rule after `category`; if not, a need passes
    // them all unless it has a window (with an offer that has one) or required skills.
    const offerRare = forbidden.size > 0 || oneToOne || col.offerHasExclusions[o] === 1;
    const offerWindow = col.offerHasWindow[o]!;
    facts.offer = offers[o]!;
    facts.offerCategoryMask = offerMask;
    facts.oneToOneShare = oneToOne ? oneToOneShare(offers[o]!) : undefined;
    const nearby = hasRadius(col, o) ? grid.within(col.offerLat[o]!, col.offerLon[o]!, col.offerRadius[o]!) : all;
    const formBase = col.offerForm[o]!;
    for (let i = 0; i < nearby.length; i++) {
      const c = nearby[i]!;
      const k = c * FORMS + formBase;
      const from = buckets.start[k]!;
      const to = buckets.start[k + 1]!;
      if (from === to) continue;
      const km = col.offerHasLocation[o] ? distanceKm(col.offerLat[o]!, col.offerLon[o]!, col.communityLat[c]!, col.communityLon[c]!) : Number.NaN;
      if (!inArea(col, o, c, km)) continue;
      facts.community = communities[c]!;
      for (let j = from; j < to; j++) {
        const n = buckets.needs[j]!;
        inRange[n]!++;
        if ((offerMask & acceptedMask[n]!) === 0) {
          removedByNeed[n * RULES + CATEGORY!]!++;
          continue;
        }
        if (offerRare || col.needHasSkills[n] === 1 || (offerWindow & col.needHasWindow[n]!) === 1) {
          facts.need = needs[n]!;
          facts.acceptedCategoryMask = acceptedMask[n]!;
          const failed = firstFailingRareRule(facts);
          if (failed >= 0) {
            removedByNeed[n * RULES + failed]!++;
            continue;
          }
        }
        pairs.push(o, n, km);
      }
    }
  }
  return pairs;
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
  return Int32Array.from(col.needCategory, (c) => perCategory[c]!);
}

/**
 * The index of the first rule after `category` that a pair fails, or -1. Spelt out rule by rule
 * rather than looped over a table: each call site then sees one function and the engine inlines it.
 */
function firstFailingRareRule(facts: PairFacts): number {
  if (!HARD_RULES.time_window(facts)) return TIME!;
  if (!HARD_RULES.skills(facts)) return SKILLS!;
  if (!HARD_RULES.excluded_community(facts)) return EXCLUDED!;
  if (!HARD_RULES.forbidden_pair(facts)) return FORBIDDEN!;
  if (!HARD_RULES.one_to_one_share(facts)) return SHARE!;
  return -1;
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
