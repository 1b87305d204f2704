/**
 * The flow model of DESIGN.md, one network per connected component:
 *
 *   source → offer (capacity) → need (edge cap) → (community, form) → sink
 *
 * with concave tiers on the (community, form) → sink arcs that spread resources across
 * communities, a zero-cost return arc sink → source (a circulation: nothing has to be used), and a parallel "stability" arc on
 * pairs of the run being re-solved. Values become integer costs at a fixed resolution (`scale`),
 * so the solver works exactly and the certificate proves optimality of the model as stated.
 *
 * In one-to-one mode a flow unit is a pairing: an offer gives at most k pairings (its most
 * pairings), each need takes at most one, and a pairing allocates `amount[e]` canonical units.
 */
import type { BatchIndex } from './batch-index.js';
import type { CandidateSet } from '../candidates/find-candidates.js';
import { oneToOneShare } from '../candidates/find-candidates.js';
import type { ScoredCandidates } from '../scoring/score-candidates.js';
import type { MatchOptions } from '../types.js';
import { SUPPORT_FORM_IDS } from '../../domain/taxonomy.js';
import type { FlowNetwork } from '../../solver/min-cost-flow/network.js';
import { ArcBuffer } from './arc-buffer.js';
import { batchColumns } from './batch-columns.js';
import { splitComponents } from './components.js';
import { resolveLocks, type LockPlan } from './locks.js';
import { spreadTiers, type CommunityFormTiers } from './spread-tiers.js';

/** What each arc of a component network stands for. */
export const ArcRole = { supply: 0, pair: 1, pairStable: 2, need: 3, tier: 4, tierFree: 5, ret: 6 } as const;

export interface ComponentModel {
  readonly network: FlowNetwork;
  readonly arcRole: Uint8Array;
  /** Offer, candidate edge, need or community-form index, by role; tier arcs: cf * 8 + tier. */
  readonly arcRef: Int32Array;
  readonly needs: Int32Array;
  readonly offers: Int32Array;
}

export interface MatchModel {
  readonly mode: MatchOptions['mode'];
  /** Integer cost = −round(value × scale). */
  readonly scale: number;
  readonly components: readonly ComponentModel[];
  /** Canonical units one flow unit on edge e allocates (1 in flow mode). */
  readonly unitAmount: Float64Array;
  /** Value of one flow unit on edge e as the model counts it (quantised). */
  readonly unitValue: Float64Array;
  readonly locks: LockPlan;
  readonly tiers: CommunityFormTiers;
  /** Components that contain at least one pair arc, and the largest's arc count. */
  readonly largestComponentArcs: number;
}

/** Builds the component networks of a scored candidate set. */
export function buildModel(
  index: BatchIndex,
  candidates: CandidateSet,
  scored: ScoredCandidates,
  options: MatchOptions,
): MatchModel {
  const oneToOne = options.mode === 'one-to-one';
  const locks = resolveLocks(index, candidates, options);
  const unitAmount = unitAmounts(index, candidates, oneToOne);
  const tiers = spreadTiers(index, candidates, scored, locks, oneToOne);
  const scale = chooseScale(scored, unitAmount, locks, tiers, options);
  const unitValue = new Float64Array(candidates.count);
  for (let e = 0; e < candidates.count; e++) {
    unitValue[e] = Math.round(scored.valuePerUnit[e]! * unitAmount[e]! * scale) / scale;
  }
  const O = index.offers.length;
  const N = index.needs.length;
  const split = splitComponents(O + N + tiers.count, ...componentEdges(index, candidates, locks, tiers));
  // Components are disjoint, so one array numbers every node locally, whatever its component.
  const localOf = new Int32Array(O + N + tiers.count).fill(-1);
  const groups = groupByComponent(split.count, split.componentOf, candidates, locks.edgeCap);
  const components: ComponentModel[] = [];
  for (let k = 0; k < split.count; k++) {
    if (groups.start[k] === groups.start[k + 1]) continue;
    const edges = groups.edges.subarray(groups.start[k]!, groups.start[k + 1]!);
    components.push(buildComponent(edges, index, candidates, options, { scale, unitValue, locks, tiers, localOf }));
  }
  const largestComponentArcs = components.reduce((m, c) => Math.max(m, c.network.arcCount), 0);
  return { mode: options.mode, scale, components, unitAmount, unitValue, locks, tiers, largestComponentArcs };
}

/** Canonical units one flow unit of each edge allocates: 1 in flow mode, a pairing's amount in one-to-one mode. */
function unitAmounts(index: BatchIndex, candidates: CandidateSet, oneToOne: boolean): Float64Array {
  const unitAmount = new Float64Array(candidates.count);
  if (!oneToOne) return unitAmount.fill(1);
  const share = new Float64Array(index.offers.length);
  for (let o = 0; o < share.length; o++) share[o] = oneToOneShare(index.offers[o]!);
  const quantity = batchColumns(index).needQuantity;
  for (let e = 0; e < candidates.count; e++) {
    unitAmount[e] = Math.min(quantity[candidates.need[e]!]!, share[candidates.offer[e]!]!);
  }
  return unitAmount;
}

/** The undirected edges that tie nodes into components: live pairs, and need → community-form. */
function componentEdges(index: BatchIndex, candidates: CandidateSet, locks: LockPlan, tiers: CommunityFormTiers): [Int32Array, Int32Array] {
  const O = index.offers.length;
  const N = index.needs.length;
  let live = 0;
  for (let e = 0; e < candidates.count; e++) if (locks.edgeCap[e]! > 0) live++;
  const a = new Int32Array(live + N);
  const b = new Int32Array(live + N);
  let i = 0;
  for (let e = 0; e < candidates.count; e++) {
    if (!(locks.edgeCap[e]! > 0)) continue;
    a[i] = candidates.offer[e]!;
    b[i++] = O + candidates.need[e]!;
  }
  for (let n = 0; n < N; n++) {
    const cf = tiers.cfOfNeed[n]!;
    if (cf < 0) continue;
    a[i] = O + n;
    b[i++] = O + N + cf;
  }
  return [a.subarray(0, i), b.subarray(0, i)];
}

/**
 * The resolution of values: the largest power of ten (at most 10^9) that keeps Σ |cost|·capacity
 * over all arcs below 2^51, which the solver needs for exact integer arithmetic. The sum is taken
 * before rounding, with the stability bonus on top, so it bounds every arc the model will have.
 */
function chooseScale(
  scored: ScoredCandidates,
  unitAmount: Float64Array,
  locks: LockPlan,
  tiers: CommunityFormTiers,
  options: MatchOptions,
): number {
  let total = 1 + tiers.totalBonus;
  for (let e = 0; e < unitAmount.length; e++) {
    total += scored.valuePerUnit[e]! * unitAmount[e]! * locks.edgeCap[e]! * (1 + options.stabilityWeight);
  }
  const exponent = Math.min(9, Math.floor(Math.log10(2 ** 51 / total)));
  return 10 ** Math.max(0, exponent);
}

/** Live edges of each component (CSR: component k owns edges[start[k] .. start[k+1]), in edge order). */
function groupByComponent(
  count: number,
  componentOf: Int32Array,
  candidates: CandidateSet,
  edgeCap: Float64Array,
): { start: Int32Array; edges: Int32Array } {
  const start = new Int32Array(count + 1);
  for (let e = 0; e < candidates.count; e++) if (edgeCap[e]! > 0) start[componentOf[candidates.offer[e]!]! + 1]!++;
  for (let k = 0; k < count; k++) start[k + 1]! += start[k]!;
  const next = start.slice(0, count);
  const edges = new Int32Array(start[count]!);
  for (let e = 0; e < candidates.count; e++) if (edgeCap[e]! > 0) edges[next[componentOf[candidates.offer[e]!]!]!++] = e;
  return { start, edges };
}

interface ModelValues {
  readonly scale: number;
  readonly unitValue: Float64Array;
  readonly locks: LockPlan;
  readonly tiers: CommunityFormTiers;
  /** Local node number of each global node (offers, then needs, then community-forms), or -1. */
  readonly localOf: Int32Array;
}

/** One component: local node numbering 0 = source, 1 = sink, then offers, needs, cfs. */
function buildComponent(
  edges: Int32Array,
  index: BatchIndex,
  candidates: CandidateSet,
  options: MatchOptions,
  values: ModelValues,
): ComponentModel {
  const { scale, unitValue, locks, tiers, localOf } = values;
  const O = index.offers.length;
  const N = index.needs.length;
  const offers: number[] = [];
  const needs: number[] = [];
  const cfs: number[] = [];
  let nodes = 2;
  const nodeOf = (offset: number, i: number, list: number[]): number => {
    let v = localOf[offset + i]!;
    if (v < 0) {
      localOf[offset + i] = v = nodes++;
      list.push(i);
    }
    return v;
  };
  // First number the nodes (offers and needs as the edges meet them, then community-forms in need
  // order) and count the arcs, so the arc arrays are allocated once at their final size.
  let count = 1; // the return arc
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i]!;
    nodeOf(0, candidates.offer[e]!, offers);
    nodeOf(O, candidates.need[e]!, needs);
    const stable = Math.min(locks.previousUnits[e]!, locks.edgeCap[e]!);
    count += (stable > 0 ? 1 : 0) + (locks.edgeCap[e]! - stable > 0 ? 1 : 0);
  }
  count += offers.length + needs.length;
  for (const n of needs) if (tiers.cfOfNeed[n]! >= 0) nodeOf(O + N, tiers.cfOfNeed[n]!, cfs);
  for (const cf of cfs) count += tierArcs(tiers, cf, () => {});
  const arcs = new ArcBuffer(count);
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i]!;
    const from = localOf[candidates.offer[e]!]!;
    const to = localOf[O + candidates.need[e]!]!;
    const cost = -Math.round(unitValue[e]! * scale);
    const stable = Math.min(locks.previousUnits[e]!, locks.edgeCap[e]!);
    if (stable > 0) {
      arcs.add(from, to, stable, cost - Math.round(unitValue[e]! * options.stabilityWeight * scale), ArcRole.pairStable, e);
    }
    if (locks.edgeCap[e]! - stable > 0) arcs.add(from, to, locks.edgeCap[e]! - stable, cost, ArcRole.pair, e);
  }
  let supply = 0;
  for (const o of offers) {
    arcs.add(0, localOf[o]!, locks.offerCap[o]!, 0, ArcRole.supply, o);
    supply += locks.offerCap[o]!;
  }
  for (const n of needs) {
    const cf = tiers.cfOfNeed[n]!;
    arcs.add(localOf[O + n]!, cf >= 0 ? localOf[O + N + cf]! : 1, locks.needCap[n]!, 0, ArcRole.need, n);
  }
  for (const cf of cfs) {
    const from = localOf[O + N + cf]!;
    tierArcs(tiers, cf, (cap, t) =>
      t < 0 ? arcs.add(from, 1, cap, 0, ArcRole.tierFree, cf) : arcs.add(from, 1, cap, -Math.round(tiers.tierBonus[cf * tiers.tierCount + t]! * scale), ArcRole.tier, cf * 8 + t),
    );
  }
  // A circulation: the return arc closes every source → sink path, and all supplies are zero, so
  // "use nothing" is the feasible start and the simplex only ever follows negative-cost cycles.
  arcs.add(1, 0, supply, 0, ArcRole.ret, -1);
  return {
    ...arcs.finish(nodes),
    needs: Int32Array.from(needs),
    offers: Int32Array.from(offers),
  };
}

/**
 * The arcs of a community-form to the sink: a capacity per tier while its demand lasts, then the
 * rest without bonus (tier -1). Calls `arc(cap, tier)` for each and returns how many.
 */
function tierArcs(tiers: CommunityFormTiers, cf: number, arc: (cap: number, tier: number) => void): number {
  let rest = tiers.demand[cf]!;
  let count = 0;
  for (let t = 0; t < tiers.tierCount; t++) {
    const cap = Math.min(rest, tiers.tierCap[cf * tiers.tierCount + t]!);
    if (cap <= 0) continue;
    arc(cap, t);
    count++;
    rest -= cap;
  }
  if (rest > 0) {
    arc(rest, -1);
    count++;
  }
  return count;
}

/** Form index used in community-form keys. */
export const FORM_INDEX = new Map(SUPPORT_FORM_IDS.map((f, i) => [f, i] as const));
