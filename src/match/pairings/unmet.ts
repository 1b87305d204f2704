/**
 * Why each need got less than it asked for: not pooled; no candidate (and which hard rules shut
 * out how many offers); outcompeted (its candidate offers are used up, and by which needs); or no
 * value (offers had room, but the weights give this pair no value).
 */
import type { BatchIndex } from '../model/batch-index.js';
import type { CandidateSet } from '../candidates/find-candidates.js';
import { HARD_RULE_NAMES } from '../candidates/rules.js';
import type { MatchModel } from '../model/build-model.js';
import type { Allocation } from './decode.js';
import { edgesByNeed } from './decode.js';
import type { UnmetNeed, UnmetReason } from '../types.js';

/** How many competing needs an "outcompeted" reason names. */
const COMPETITORS_SHOWN = 5;

export function explainUnmet(index: BatchIndex, candidates: CandidateSet, model: MatchModel, allocation: Allocation): UnmetNeed[] {
  const byNeed = edgesByNeed(candidates, index.needs.length);
  const met = new Float64Array(index.needs.length);
  const offerEdges: number[][] = Array.from({ length: index.offers.length }, () => []);
  for (let e = 0; e < candidates.count; e++) {
    const a = allocation.amount[e]!;
    if (a <= 0) continue;
    met[candidates.need[e]!] = met[candidates.need[e]!]! + a;
    offerEdges[candidates.offer[e]!]!.push(e);
  }
  const unmet: UnmetNeed[] = [];
  index.needs.forEach((need, n) => {
    if (met[n]! >= need.quantity) return;
    const community = index.communities[index.needCommunity[n]!]!;
    unmet.push({
      need: need.id,
      community: community.id,
      district: community.district,
      category: need.category,
      form: need.form,
      demand: need.quantity,
      met: met[n]!,
      reason: reasonFor(n, index, candidates, model, allocation, byNeed[n]!, offerEdges),
    });
  });
  return unmet;
}

function reasonFor(
  n: number,
  index: BatchIndex,
  candidates: CandidateSet,
  model: MatchModel,
  allocation: Allocation,
  edges: readonly number[],
  offerEdges: readonly number[][],
): UnmetReason {
  if (!candidates.pooled[n]) return { code: 'not_pooled' };
  if (edges.length === 0) {
    const excludedBy: Record<string, number> = {};
    HARD_RULE_NAMES.forEach((rule, r) => {
      const count = candidates.removedByNeed[n * HARD_RULE_NAMES.length + r]!;
      if (count > 0) excludedBy[rule] = count;
    });
    return { code: 'no_candidate', excludedBy };
  }
  const offers = [...new Set(edges.map((e) => candidates.offer[e]!))];
  const full = offers.filter((o) => offerIsFull(o, index, model, allocation, offerEdges[o]!));
  if (full.length === 0) return { code: 'no_value', offers: offers.map((o) => index.offers[o]!.id) };
  const rivals = new Map<number, number>();
  for (const o of full) {
    for (const e of offerEdges[o]!) {
      const rival = candidates.need[e]!;
      if (rival !== n) rivals.set(rival, Math.max(rivals.get(rival) ?? 0, model.unitValue[e]! / model.unitAmount[e]!));
    }
  }
  const by = [...rivals.entries()]
    .sort((x, y) => y[1] - x[1] || x[0] - y[0])
    .slice(0, COMPETITORS_SHOWN)
    .map(([rival]) => index.needs[rival]!.id);
  return { code: 'outcompeted', by, offers: full.map((o) => index.offers[o]!.id) };
}

/** An offer is full when its flow units (capacity, or pairings in one-to-one mode) are used up. */
function offerIsFull(o: number, index: BatchIndex, model: MatchModel, allocation: Allocation, edges: readonly number[]): boolean {
  let units = 0;
  for (const e of edges) units += allocation.units[e]!;
  const offer = index.offers[o]!;
  return units >= (model.mode === 'one-to-one' ? (offer.maxPairings ?? 1) : offer.capacity);
}
