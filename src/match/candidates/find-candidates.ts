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
import { RELATED_CATEGORIES } from '../../domain/taxonomy.js';
import type { BatchIndex } from '../model/batch-index.js';
import { pairKey } from '../model/batch-index.js';
import { HARD_RULES, HARD_RULE_NAMES, categoryMask, type HardRuleName, type PairFacts } from './rules.js';
import { CommunityGrid } from './community-grid.js';

export interface CandidateSet {
  /** Number of candidate edges. */
  readonly count: number;
  /** Edges sorted by need, then offer. */
  readonly offer: Int32Array;
  readonly need: Int32Array;
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
/** Rules checked pair by pair, in order: everything after `area` (firstFailingRule spells them out). */
const PAIR_RULE_ORDER = ['category', 'time_window', 'skills', 'excluded_community', 'forbidden_pair', 'one_to_one_share'];
if (HARD_RULE_NAMES.slice(AREA + 1).join() !== PAIR_RULE_ORDER.join()) {
  throw new Error('match/candidates: HARD_RULES order changed; update firstFailingRule');
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
  return { count: sorted.need.length, offer: sorted.offer, need: sorted.need, pooled, pairsConsidered, removedBy, removedByNeed };
}

interface PairList {
  offer: number[];
  need: number[];
}

/** Every usable offer against the pooled needs of the communities in its area, rule by rule. */
function scanOffersInRange(
  index: BatchIndex,
  options: CandidateOptions,
  usable: readonly number[],
  pooled: Uint8Array,
  inRange: Int32Array,
  removedByNeed: Int32Array,
): PairList {
  const { offers, needs, communities } = index;
  const grid = new CommunityGrid(communities);
  const needsOf = needsByCommunityAndForm(index, pooled);
  const forbidden = new Set(options.forbidden.map((p) => pairKey(p.need, p.offer)));
  const isForbidden = (need: string, offer: string) => forbidden.size > 0 && forbidden.has(pairKey(need, offer));
  const maskOfCategory = new Map<Category, number>();
  const acceptedMask = Int32Array.from(needs, (need) => {
    let m = maskOfCategory.get(need.category);
    if (m === undefined) maskOfCategory.set(need.category, (m = categoryMask(acceptedCategories(need.category, options.relatedCategoryFit))));
    return m;
  });
  const all = Int32Array.from(communities, (_, i) => i);
  const pairs: PairList = { offer: [], need: [] };
  // One mutable facts object for all pairs: millions of pairs must not mean millions of objects.
  // All fields set up front so the object keeps one shape (fast property access in the rules).
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
    const offer = offers[o]!;
    facts.offer = offer;
    facts.offerCategoryMask = categoryMask(offer.categories);
    facts.oneToOneShare = options.mode === 'one-to-one' ? oneToOneShare(offer) : undefined;
    const nearby = offer.location && offer.radiusKm !== undefined ? grid.within(offer.location.lat, offer.location.lon, offer.radiusKm) : all;
    for (const c of nearby) {
      const local = needsOf.get(c * 4 + FORM_INDEX[offer.form]);
      if (!local) continue;
      facts.community = communities[c]!;
      facts.need = needs[local[0]!]!;
      if (!HARD_RULES.area(facts)) continue;
      for (const n of local) {
        const need = needs[n]!;
        inRange[n]!++;
        facts.need = need;
        facts.acceptedCategoryMask = acceptedMask[n]!;
        const failed = firstFailingRule(facts);
        if (failed >= 0) removedByNeed[n * RULES + failed]!++;
        else {
          pairs.offer.push(o);
          pairs.need.push(n);
        }
      }
    }
  }
  return pairs;
}

const FORM_INDEX: Readonly<Record<SupportForm, number>> = { talent: 0, goods: 1, tech: 2, funds: 3 };

/**
 * The index of the first rule a pair fails, or -1. Spelt out rule by rule rather than looped over
 * a table: each call site then sees one function and the engine inlines it, which matters at a
 * million pairs.
 */
function firstFailingRule(facts: PairFacts): number {
  if (!HARD_RULES.category(facts)) return CATEGORY!;
  if (!HARD_RULES.time_window(facts)) return TIME!;
  if (!HARD_RULES.skills(facts)) return SKILLS!;
  if (!HARD_RULES.excluded_community(facts)) return EXCLUDED!;
  if (!HARD_RULES.forbidden_pair(facts)) return FORBIDDEN!;
  if (!HARD_RULES.one_to_one_share(facts)) return SHARE!;
  return -1;
}

/** Pooled needs grouped by (community, form), keyed community * 4 + form. */
function needsByCommunityAndForm(index: BatchIndex, pooled: Uint8Array): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  index.needs.forEach((need, n) => {
    if (!pooled[n]) return;
    const key = index.needCommunity[n]! * 4 + FORM_INDEX[need.form];
    const group = groups.get(key);
    if (group) group.push(n);
    else groups.set(key, [n]);
  });
  return groups;
}

/** Stable counting sort of pairs by need: offers were scanned in increasing order and stay so. */
function sortByNeed(pairs: PairList, needCount: number): { offer: Int32Array; need: Int32Array } {
  const start = new Int32Array(needCount + 1);
  for (const n of pairs.need) start[n + 1]!++;
  for (let n = 0; n < needCount; n++) start[n + 1]! += start[n]!;
  const offer = new Int32Array(pairs.need.length);
  const need = new Int32Array(pairs.need.length);
  const next = start.slice(0, needCount);
  for (let i = 0; i < pairs.need.length; i++) {
    const n = pairs.need[i]!;
    const at = next[n]!++;
    need[at] = n;
    offer[at] = pairs.offer[i]!;
  }
  return { offer, need };
}

/** Appends forced pairs that the rules did not already admit. */
function appendForced(index: BatchIndex, forced: CandidateOptions['forced'], pairs: PairList): void {
  if (forced.length === 0) return;
  const O = index.offers.length;
  const present = new Set<number>();
  for (let e = 0; e < pairs.need.length; e++) present.add(pairs.need[e]! * O + pairs.offer[e]!);
  for (const pair of forced) {
    const n = index.needIndex.get(pair.need);
    const o = index.offerIndex.get(pair.offer);
    if (n === undefined || o === undefined || present.has(n * O + o)) continue;
    present.add(n * O + o);
    pairs.offer.push(o);
    pairs.need.push(n);
  }
}
