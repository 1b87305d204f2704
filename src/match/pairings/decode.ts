/**
 * Decode: component flows → per-edge allocations → pairings with their score breakdown and
 * ranked alternates (the next-best offers by reduced cost, i.e. by how much value one unit
 * moved to them would lose).
 */
import type { BatchIndex } from '../model/batch-index.js';
import type { CandidateSet } from '../candidates/find-candidates.js';
import type { ScoredCandidates } from '../scoring/score-candidates.js';
import { breakdownOf } from '../scoring/score-candidates.js';
import { ArcRole, type MatchModel } from '../model/build-model.js';
import type { SolvedModel } from '../solve/solve-components.js';
import type { Alternate, Pairing } from '../types.js';

/** Allocation per candidate edge in canonical units, and which edges are locked. */
export interface Allocation {
  readonly amount: Float64Array;
  /** Flow units of each edge: canonical units in flow mode, pairings (0 or 1) in one-to-one mode. */
  readonly units: Float64Array;
  /** Model value of each edge's allocation. */
  readonly value: Float64Array;
  readonly locked: Uint8Array;
  /** Reduced cost per flow unit of each live edge (value lost per unit moved onto it), NaN if none. */
  readonly shortfall: Float64Array;
}

export function allocate(candidates: CandidateSet, model: MatchModel, solved: SolvedModel): Allocation {
  const amount = new Float64Array(candidates.count);
  const units = new Float64Array(candidates.count);
  const value = new Float64Array(candidates.count);
  const locked = new Uint8Array(candidates.count);
  const shortfall = new Float64Array(candidates.count).fill(Number.NaN);
  for (let c = 0; c < model.components.length; c++) allocateComponent(model, c, solved, units, amount, shortfall);
  for (const lock of model.locks.locked) {
    amount[lock.edge] = lock.amount;
    units[lock.edge] = model.mode === 'one-to-one' ? 1 : lock.amount;
    locked[lock.edge] = 1;
  }
  for (let e = 0; e < candidates.count; e++) {
    if (amount[e]! <= 0) continue;
    const perUnit = model.unitValue[e]! / model.unitAmount[e]!;
    value[e] = locked[e] ? Math.round(perUnit * amount[e]! * model.scale) / model.scale : (amount[e]! / model.unitAmount[e]!) * model.unitValue[e]!;
  }
  return { amount, units, value, locked, shortfall };
}

/** Adds a component's pair-arc flows to its edges, and each live edge's reduced cost. */
function allocateComponent(model: MatchModel, c: number, solved: SolvedModel, units: Float64Array, amount: Float64Array, shortfall: Float64Array): void {
  const component = model.components[c]!;
  const { flow, potential } = solved.components[c]!;
  const { arcCount, cost, tail, head } = component.network;
  const { arcRole, arcRef } = component;
  for (let a = 0; a < arcCount; a++) {
    const role = arcRole[a];
    if (role !== ArcRole.pair && role !== ArcRole.pairStable) continue;
    const e = arcRef[a]!;
    units[e] = units[e]! + flow[a]!;
    amount[e] = amount[e]! + flow[a]! * model.unitAmount[e]!;
    if (role === ArcRole.pair || Number.isNaN(shortfall[e]!)) {
      const reduced = cost[a]! - potential[tail[a]!]! + potential[head[a]!]!;
      shortfall[e] = Math.max(0, reduced) / model.scale;
    }
  }
}

/** Candidate edges of each need, in candidate order. */
export function edgesByNeed(candidates: CandidateSet, needCount: number): number[][] {
  const byNeed: number[][] = Array.from({ length: needCount }, () => []);
  for (let e = 0; e < candidates.count; e++) byNeed[candidates.need[e]!]!.push(e);
  return byNeed;
}

/**
 * Where each need's edges start: candidates are sorted by need, so need n owns edges
 * start[n] .. start[n+1] (the same edges, in the same order, as `edgesByNeed`, without an array
 * per need).
 */
export function needEdgeStart(candidates: CandidateSet, needCount: number): Int32Array {
  const start = new Int32Array(needCount + 1);
  for (let e = 0; e < candidates.count; e++) {
    const n = candidates.need[e]!;
    if (e > 0 && n < candidates.need[e - 1]!) throw new Error('match/pairings: candidate edges are not sorted by need');
    start[n + 1]!++;
  }
  for (let n = 0; n < needCount; n++) start[n + 1]! += start[n]!;
  return start;
}

/** The pairings of a solved model, most valuable first (ties by need id, then offer id). */
export function decodePairings(
  index: BatchIndex,
  candidates: CandidateSet,
  scored: ScoredCandidates,
  model: MatchModel,
  allocation: Allocation,
  alternateCount: number,
): Pairing[] {
  const start = needEdgeStart(candidates, index.needs.length);
  const pairings: Pairing[] = [];
  for (let e = 0; e < candidates.count; e++) {
    const amount = allocation.amount[e]!;
    if (amount <= 0) continue;
    const n = candidates.need[e]!;
    const need = index.needs[n]!;
    const offer = index.offers[candidates.offer[e]!]!;
    const community = index.communities[index.needCommunity[n]!]!;
    const perUnit = model.unitValue[e]! / model.unitAmount[e]!;
    pairings.push({
      need: need.id,
      offer: offer.id,
      amount,
      unit: need.unit,
      value: allocation.value[e]!,
      score: breakdownOf(scored, n, e, perUnit),
      community: community.id,
      district: community.district,
      street: community.street,
      category: need.category,
      form: need.form,
      providerKind: offer.provider.kind,
      locked: allocation.locked[e] === 1,
      alternates: alternatesOf(index, candidates, model, allocation, start[n]!, start[n + 1]!, alternateCount),
    });
  }
  return pairings.sort((x, y) => y.value - x.value || cmp(x.need, y.need) || cmp(x.offer, y.offer));
}

function alternatesOf(
  index: BatchIndex,
  candidates: CandidateSet,
  model: MatchModel,
  allocation: Allocation,
  from: number,
  to: number,
  count: number,
): Alternate[] {
  // Keep the `count` smallest shortfalls per unit by insertion: a need has tens of candidates.
  const best: number[] = [];
  const key = (e: number) => allocation.shortfall[e]! / model.unitAmount[e]!;
  for (let e = from; e < to; e++) {
    if (allocation.amount[e]! > 0 || Number.isNaN(allocation.shortfall[e]!)) continue;
    let at = best.length;
    while (at > 0 && key(best[at - 1]!) > key(e)) at--;
    if (at < count) {
      best.splice(at, 0, e);
      if (best.length > count) best.pop();
    }
  }
  return best.map((e) => ({
    offer: index.offers[candidates.offer[e]!]!.id,
    valuePerUnit: model.unitValue[e]! / model.unitAmount[e]!,
    shortfallPerUnit: key(e),
  }));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
