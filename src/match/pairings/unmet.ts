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
import { needEdgeStart } from './decode.js';
import type { UnmetNeed, UnmetReason } from '../types.js';

/** How many competing needs an "outcompeted" reason names. */
const COMPETITORS_SHOWN = 5;

export function explainUnmet(index: BatchIndex, candidates: CandidateSet, model: MatchModel, allocation: Allocation): UnmetNeed[] {
  const start = needEdgeStart(candidates, index.needs.length);
  const met = new Float64Array(index.needs.length);
  for (let e = 0; e < candidates.count; e++) {
    const a = allocation.amount[e]!;
    if (a > 0) met[candidates.need[e]!] = met[candidates.need[e]!]! + a;
  }
  const usage = offerAllocations(index, candidates, model, allocation);
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
      reason: reasonFor(n, index, candidates, model, start[n]!, start[n + 1]!, usage),
    });
  });
  return unmet;
}

/** Each offer's allocated edges (CSR, in edge order) and whether its flow units are used up. */
interface OfferAllocations {
  readonly start: Int32Array;
  readonly edges: Int32Array;
  readonly full: Uint8Array;
}

/** An offer is full when its flow units (capacity, or pairings in one-to-one mode) are used up. */
function offerAllocations(index: BatchIndex, candidates: CandidateSet, model: MatchModel, allocation: Allocation): OfferAllocations {
  const O = index.offers.length;
  const start = new Int32Array(O + 1);
  for (let e = 0; e < candidates.count; e++) if (allocation.amount[e]! > 0) start[candidates.offer[e]! + 1]!++;
  for (let o = 0; o < O; o++) start[o + 1]! += start[o]!;
  const next = start.slice(0, O);
  const edges = new Int32Array(start[O]!);
  const units = new Float64Array(O);
  for (let e = 0; e < candidates.count; e++) {
    if (!(allocation.amount[e]! > 0)) continue;
    const o = candidates.offer[e]!;
    edges[next[o]!++] = e;
  }
  // Summed offer by offer in edge order, as the units were allocated.
  for (let o = 0; o < O; o++) for (let i = start[o]!; i < start[o + 1]!; i++) units[o] = units[o]! + allocation.units[edges[i]!]!;
  const full = Uint8Array.from(index.offers, (offer, o) =>
    units[o]! >= (model.mode === 'one-to-one' ? (offer.maxPairings ?? 1) : offer.capacity) ? 1 : 0,
  );
  return { start, edges, full };
}

function reasonFor(
  n: number,
  index: BatchIndex,
  candidates: CandidateSet,
  model: MatchModel,
  from: number,
  to: number,
  usage: OfferAllocations,
): UnmetReason {
  if (!candidates.pooled[n]) return { code: 'not_pooled' };
  if (from === to) {
    const excludedBy: Record<string, number> = {};
    HARD_RULE_NAMES.forEach((rule, r) => {
      const count = candidates.removedByNeed[n * HARD_RULE_NAMES.length + r]!;
      if (count > 0) excludedBy[rule] = count;
    });
    return { code: 'no_candidate', excludedBy };
  }
  // A need's edges are sorted by offer and never repeat one.
  const offers: number[] = [];
  for (let e = from; e < to; e++) offers.push(candidates.offer[e]!);
  const full = offers.filter((o) => usage.full[o] === 1);
  if (full.length === 0) return { code: 'no_value', offers: offers.map((o) => index.offers[o]!.id) };
  const rivals = new Map<number, number>();
  for (const o of full) {
    for (let i = usage.start[o]!; i < usage.start[o + 1]!; i++) {
      const e = usage.edges[i]!;
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
