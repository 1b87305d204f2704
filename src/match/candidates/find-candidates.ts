/**
 * Candidate edges: every (offer, need) pair that passes all hard rules, with how many pairs each
 * rule removed, overall and per need (so an unmet need can say which rules shut it out).
 *
 * Offers are bucketed by form first: a pair of different forms is counted against `form`
 * without being looked at, which keeps the all-pairs work to the pairs that could match.
 */
import type { Category } from '../../domain/taxonomy.js';
import { RELATED_CATEGORIES } from '../../domain/taxonomy.js';
import type { BatchIndex } from '../model/batch-index.js';
import { pairKey } from '../model/batch-index.js';
import { HARD_RULES, HARD_RULE_NAMES, categoryMask, type HardRuleName, type PairFacts } from './rules.js';

export interface CandidateSet {
  /** Number of candidate edges. */
  readonly count: number;
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

/** Finds the candidate edges of a batch, edges grouped by need in batch order. */
export function findCandidates(index: BatchIndex, options: CandidateOptions): CandidateSet {
  const { offers, needs, communities } = index;
  const ruleCount = HARD_RULE_NAMES.length;
  const forbidden = new Set(options.forbidden.map((p) => pairKey(p.need, p.offer)));
  const isForbidden = (need: string, offer: string) => forbidden.size > 0 && forbidden.has(pairKey(need, offer));
  const removedByNeed = new Int32Array(needs.length * ruleCount);
  const pooled = new Uint8Array(needs.length);
  const byForm = new Map<string, number[]>();
  let zeroCapacity = 0;
  offers.forEach((o, i) => {
    if (o.capacity <= 0) zeroCapacity++;
    else {
      const bucket = byForm.get(o.form);
      if (bucket) bucket.push(i);
      else byForm.set(o.form, [i]);
    }
  });
  const checkedRules = HARD_RULE_NAMES.slice(2).map((name) => [HARD_RULE_NAMES.indexOf(name), HARD_RULES[name]] as const);
  const offerMasks = Int32Array.from(offers, (o) => categoryMask(o.categories));
  const acceptedMasks = new Map<Category, number>();
  const edgeOffer: number[] = [];
  const edgeNeed: number[] = [];
  // One mutable facts object for all pairs: millions of pairs must not mean millions of objects.
  const facts = { offerCategoryMask: 0, acceptedCategoryMask: 0, isForbidden, oneToOneShare: undefined } as {
    -readonly [K in keyof PairFacts]: PairFacts[K];
  };
  for (let n = 0; n < needs.length; n++) {
    const need = needs[n]!;
    if (!need.pooled) continue;
    pooled[n] = 1;
    const sameForm = byForm.get(need.form) ?? [];
    removedByNeed[n * ruleCount + 0] = zeroCapacity;
    removedByNeed[n * ruleCount + 1] = offers.length - zeroCapacity - sameForm.length;
    let accepted = acceptedMasks.get(need.category);
    if (accepted === undefined) {
      accepted = categoryMask(acceptedCategories(need.category, options.relatedCategoryFit));
      acceptedMasks.set(need.category, accepted);
    }
    facts.need = need;
    facts.community = communities[index.needCommunity[n]!]!;
    facts.acceptedCategoryMask = accepted;
    for (const o of sameForm) {
      const offer = offers[o]!;
      facts.offer = offer;
      facts.offerCategoryMask = offerMasks[o]!;
      facts.oneToOneShare = options.mode === 'one-to-one' ? oneToOneShare(offer) : undefined;
      let failed = -1;
      for (const [r, rule] of checkedRules) {
        if (!rule(facts)) {
          failed = r;
          break;
        }
      }
      if (failed >= 0) removedByNeed[n * ruleCount + failed]!++;
      else {
        edgeOffer.push(o);
        edgeNeed.push(n);
      }
    }
  }
  appendForced(index, options.forced, edgeOffer, edgeNeed);
  const removedBy = Object.fromEntries(HARD_RULE_NAMES.map((name) => [name, 0])) as Record<HardRuleName, number>;
  let pairsConsidered = 0;
  for (let n = 0; n < needs.length; n++) {
    if (!pooled[n]) continue;
    pairsConsidered += offers.length;
    HARD_RULE_NAMES.forEach((name, r) => (removedBy[name] += removedByNeed[n * ruleCount + r]!));
  }
  return {
    count: edgeOffer.length,
    offer: Int32Array.from(edgeOffer),
    need: Int32Array.from(edgeNeed),
    pooled,
    pairsConsidered,
    removedBy,
    removedByNeed,
  };
}

/** Appends forced pairs that the rules did not already admit (edges stay grouped by need otherwise). */
function appendForced(
  index: BatchIndex,
  forced: CandidateOptions['forced'],
  edgeOffer: number[],
  edgeNeed: number[],
): void {
  if (forced.length === 0) return;
  const present = new Set<string>();
  for (let e = 0; e < edgeOffer.length; e++) present.add(`${edgeNeed[e]}:${edgeOffer[e]}`);
  for (const pair of forced) {
    const n = index.needIndex.get(pair.need);
    const o = index.offerIndex.get(pair.offer);
    if (n === undefined || o === undefined || present.has(`${n}:${o}`)) continue;
    present.add(`${n}:${o}`);
    edgeOffer.push(o);
    edgeNeed.push(n);
  }
}
