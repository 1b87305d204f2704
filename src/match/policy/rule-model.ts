/**
 * The rules of a run as instances over block arcs: which needs go all-or-nothing together, which
 * pair arcs switch on and off (smallest allocation, most pairings), which needs a community's
 * floor counts, and how many funded projects an organisation may have. The instances are solver
 * neutral: the MIP builder, the flow core and the solution checker all read them.
 *
 * "Met" always means met in full: the need arc carries all its units (flow mode), or its one
 * pairing gives at least what is left of the need (one-to-one mode: short pair arcs are cut).
 */
import type { BatchIndex } from '../model/batch-index.js';
import type { CandidateSet } from '../candidates/find-candidates.js';
import type { MatchModel } from '../model/build-model.js';
import type { BlockSet } from './blocks.js';
import type { PolicyOptions } from './options.js';
import type { LockFacts } from './lock-facts.js';

/** Where a need is met: its arc in its block, the units that meet it, and arcs that cannot. */
export interface NeedTarget {
  readonly block: number;
  readonly arc: number;
  readonly units: number;
  /** One-to-one mode: pair arcs whose single pairing gives less than the need has left. */
  readonly shortArcs: readonly number[];
}

/** Needs met in full together or not at all: one all-or-nothing need, or a bundle. */
export interface NeedGroup {
  readonly id: string;
  readonly rule: 'allOrNothing' | 'bundles';
  readonly needs: readonly number[];
  /** A member has locked units, so the group must be completed. */
  readonly forced: boolean;
  /** A member can never be met (not pooled, no candidate), so the group gets nothing. */
  readonly blocked: boolean;
}

/** A candidate edge that is either off (0) or carries between `lower` and `upper` flow units. */
export interface EdgeSwitch {
  readonly edge: number;
  readonly block: number;
  readonly arcs: readonly number[];
  readonly lower: number;
  readonly upper: number;
}

/** At most `limit` of these switches on (an offer's most pairings, a provider's funded projects). */
export interface EdgeLimit {
  readonly rule: 'maxPairings' | 'onePerOrganisation';
  readonly key: string;
  readonly switches: readonly number[];
  readonly limit: number;
}

/** At most `limit` of these needs get anything (a community's funded projects). */
export interface NeedLimit {
  readonly rule: 'onePerOrganisation';
  readonly key: string;
  readonly needs: readonly number[];
  readonly limit: number;
}

/** At least `floor` of these needs met in full (a community's coverage floor, after locks). */
export interface Floor {
  readonly community: number;
  readonly needs: readonly number[];
  readonly floor: number;
}

export interface RuleModel {
  readonly oneToOne: boolean;
  readonly targets: readonly (NeedTarget | undefined)[];
  readonly groups: readonly NeedGroup[];
  readonly groupOfNeed: Int32Array;
  readonly switches: readonly EdgeSwitch[];
  readonly switchOfEdge: Int32Array;
  readonly edgeLimits: readonly EdgeLimit[];
  readonly needLimits: readonly NeedLimit[];
  readonly floors: readonly Floor[];
  /** Candidate edges a rule took out (arcs set to capacity 0), by rule. */
  readonly removedEdges: Readonly<Record<string, number>>;
}

/** Rule instances of a run. Cuts the arcs of removed edges in `blocks` (their capacities become 0). */
export function buildRuleModel(
  index: BatchIndex,
  candidates: CandidateSet,
  model: MatchModel,
  blocks: BlockSet,
  policy: PolicyOptions,
  locks: LockFacts,
): Omit<RuleModel, 'floors'> {
  const oneToOne = model.mode === 'one-to-one';
  const removedEdges: Record<string, number> = {};
  const cut = (e: number, rule: string) => {
    for (const a of arcsOfEdge(blocks, e)) blocks.blocks[blocks.edgeBlock[e]!]!.network.capacity[a] = 0;
    removedEdges[rule] = (removedEdges[rule] ?? 0) + 1;
  };
  cutEdges(index, candidates, model, blocks, policy, locks, cut);
  const targets = needTargets(index, candidates, model, blocks, locks);
  const { groups, groupOfNeed } = needGroups(index, candidates, policy, oneToOne, targets, locks);
  const switches: EdgeSwitch[] = [];
  const switchOfEdge = new Int32Array(candidates.count).fill(-1);
  const switchFor = (e: number): number => {
    if (switchOfEdge[e]! < 0) {
      switchOfEdge[e] = switches.length;
      switches.push({ edge: e, block: blocks.edgeBlock[e]!, arcs: arcsOfEdge(blocks, e), lower: smallestAllocation(index, candidates, model, policy, locks, e), upper: edgeCapacity(blocks, e) });
    }
    return switchOfEdge[e]!;
  };
  if (policy.minAllocation && !oneToOne) {
    for (let e = 0; e < candidates.count; e++) if (edgeCapacity(blocks, e) > 0 && smallestAllocation(index, candidates, model, policy, locks, e) > 1) switchFor(e);
  }
  const edgeLimits = [...pairLimits(index, candidates, blocks, policy, oneToOne, locks, switchFor), ...providerLimits(index, candidates, blocks, policy, locks, switchFor)];
  const needLimits = communityLimits(index, policy, targets, locks);
  return { oneToOne, targets, groups, groupOfNeed, switches, switchOfEdge, edgeLimits, needLimits, removedEdges };
}

export function arcsOfEdge(blocks: BlockSet, e: number): number[] {
  const arcs: number[] = [];
  if (blocks.edgeArcA[e]! >= 0) arcs.push(blocks.edgeArcA[e]!);
  if (blocks.edgeArcB[e]! >= 0) arcs.push(blocks.edgeArcB[e]!);
  return arcs;
}

function edgeCapacity(blocks: BlockSet, e: number): number {
  const b = blocks.edgeBlock[e]!;
  if (b < 0) return 0;
  const cap = blocks.blocks[b]!.network.capacity;
  const x = blocks.edgeArcA[e]!;
  const y = blocks.edgeArcB[e]!;
  return (x >= 0 ? cap[x]! : 0) + (y >= 0 ? cap[y]! : 0);
}

/** Flow units a switched-on edge must carry at least: the offer's minimum, or the whole rest of the need. */
function smallestAllocation(index: BatchIndex, candidates: CandidateSet, model: MatchModel, policy: PolicyOptions, locks: LockFacts, e: number): number {
  if (!policy.minAllocation || model.mode === 'one-to-one') return 0;
  const min = index.offers[candidates.offer[e]!]!.minAllocation ?? 0;
  return Math.min(min, locks.needUnitsLeft[candidates.need[e]!]!);
}

/** Edges no assignment may use under the rules: second funding, allocations below the minimum. */
function cutEdges(
  index: BatchIndex,
  candidates: CandidateSet,
  model: MatchModel,
  blocks: BlockSet,
  policy: PolicyOptions,
  locks: LockFacts,
  cut: (e: number, rule: string) => void,
): void {
  for (let e = 0; e < candidates.count; e++) {
    if (blocks.edgeBlock[e]! < 0) continue;
    const need = index.needs[candidates.need[e]!]!;
    const offer = index.offers[candidates.offer[e]!]!;
    if (policy.noSecondFunding && need.governmentFunded && offer.form === 'funds') {
      cut(e, 'noSecondFunding');
      continue;
    }
    if (!policy.minAllocation || offer.minAllocation === undefined) continue;
    const left = index.needs[candidates.need[e]!]!.quantity - locks.lockedAmountOfNeed[candidates.need[e]!]!;
    const least = Math.min(offer.minAllocation, left);
    const most = model.mode === 'one-to-one' ? model.unitAmount[e]! : edgeCapacity(blocks, e);
    if (most < least) cut(e, 'minAllocation');
  }
}

function needTargets(index: BatchIndex, candidates: CandidateSet, model: MatchModel, blocks: BlockSet, locks: LockFacts): (NeedTarget | undefined)[] {
  const shortArcs: number[][] = index.needs.map(() => []);
  if (model.mode === 'one-to-one') {
    for (let e = 0; e < candidates.count; e++) {
      const n = candidates.need[e]!;
      const left = index.needs[n]!.quantity - locks.lockedAmountOfNeed[n]!;
      if (model.unitAmount[e]! < left) shortArcs[n]!.push(...arcsOfEdge(blocks, e));
    }
  }
  // A need whose every pair arc was cut cannot be met: it gets no target.
  const inflow = blocks.blocks.map((block) => {
    const into = new Float64Array(block.network.nodeCount);
    for (let a = 0; a < block.network.arcCount; a++) into[block.network.head[a]!] = into[block.network.head[a]!]! + block.network.capacity[a]!;
    return into;
  });
  return index.needs.map((_, n) => {
    const arc = blocks.needArc[n]!;
    const units = locks.needUnitsLeft[n]!;
    if (arc < 0 || units <= 0) return undefined;
    const block = blocks.blockOfNeed[n]!;
    if (inflow[block]![blocks.blocks[block]!.network.tail[arc]!]! <= 0) return undefined;
    return { block, arc, units, shortArcs: shortArcs[n]! };
  });
}

function needGroups(
  index: BatchIndex,
  candidates: CandidateSet,
  policy: PolicyOptions,
  oneToOne: boolean,
  targets: readonly (NeedTarget | undefined)[],
  locks: LockFacts,
) {
  const groups: NeedGroup[] = [];
  const groupOfNeed = new Int32Array(index.needs.length).fill(-1);
  const add = (id: string, rule: NeedGroup['rule'], needs: number[]) => {
    const open = needs.filter((n) => !locks.metByLocks[n]);
    if (open.length === 0) return;
    const forced = needs.some((n) => locks.lockedAmountOfNeed[n]! > 0);
    const blocked = open.some((n) => !candidates.pooled[n] || targets[n] === undefined);
    for (const n of needs) groupOfNeed[n] = groups.length;
    groups.push({ id, rule, needs: open, forced, blocked });
  };
  if (policy.bundles) {
    const members = new Map<string, number[]>();
    index.needs.forEach((need, n) => {
      if (need.bundle !== undefined) members.set(need.bundle, [...(members.get(need.bundle) ?? []), n]);
    });
    for (const [id, needs] of members) add(id, 'bundles', needs);
  }
  // In one-to-one mode the candidate rule `one_to_one_share` already makes every pairing of a
  // whole-or-nothing need cover it in full.
  if (policy.allOrNothing && !oneToOne) {
    index.needs.forEach((need, n) => {
      if (!need.partial && candidates.pooled[n] && groupOfNeed[n]! < 0) add(need.id, 'allOrNothing', [n]);
    });
  }
  return { groups, groupOfNeed };
}

/** Flow mode: an offer pairs with at most maxPairings needs (locked pairings count). */
function pairLimits(
  index: BatchIndex,
  candidates: CandidateSet,
  blocks: BlockSet,
  policy: PolicyOptions,
  oneToOne: boolean,
  locks: LockFacts,
  switchFor: (e: number) => number,
): EdgeLimit[] {
  if (!policy.maxPairings || oneToOne) return [];
  const edgesOf = liveEdgesBy(candidates, blocks, (e) => candidates.offer[e]!);
  const limits: EdgeLimit[] = [];
  index.offers.forEach((offer, o) => {
    if (offer.maxPairings === undefined) return;
    const limit = Math.max(0, offer.maxPairings - locks.lockedPairsOfOffer[o]!);
    const edges = edgesOf.get(o) ?? [];
    if (edges.length > limit) limits.push({ rule: 'maxPairings', key: offer.id, switches: edges.map(switchFor), limit });
  });
  return limits;
}

/** By provider: a provider's funds offers fund at most `max` projects (counted as pairings). */
function providerLimits(
  index: BatchIndex,
  candidates: CandidateSet,
  blocks: BlockSet,
  policy: PolicyOptions,
  locks: LockFacts,
  switchFor: (e: number) => number,
): EdgeLimit[] {
  const rule = policy.onePerOrganisation;
  if (!rule || rule.by !== 'provider') return [];
  const isProject = (e: number) => index.offers[candidates.offer[e]!]!.form === 'funds' && index.needs[candidates.need[e]!]!.kind === 'project';
  const edgesOf = liveEdgesBy(candidates, blocks, (e) => (isProject(e) ? index.offers[candidates.offer[e]!]!.provider.name : undefined));
  const limits: EdgeLimit[] = [];
  for (const [provider, edges] of edgesOf) {
    const limit = Math.max(0, rule.max - (locks.lockedProjectsOfProvider.get(provider) ?? 0));
    if (edges.length > limit) limits.push({ rule: 'onePerOrganisation', key: provider, switches: edges.map(switchFor), limit });
  }
  return limits;
}

/** By community: a community has at most `max` funded projects (funds needs of kind project). */
function communityLimits(index: BatchIndex, policy: PolicyOptions, targets: readonly (NeedTarget | undefined)[], locks: LockFacts): NeedLimit[] {
  const rule = policy.onePerOrganisation;
  if (!rule || rule.by !== 'community') return [];
  const needsOf = new Map<number, number[]>();
  index.needs.forEach((need, n) => {
    if (need.form !== 'funds' || need.kind !== 'project' || targets[n] === undefined) return;
    const c = index.needCommunity[n]!;
    needsOf.set(c, [...(needsOf.get(c) ?? []), n]);
  });
  const limits: NeedLimit[] = [];
  for (const [c, needs] of needsOf) {
    const limit = Math.max(0, rule.max - locks.lockedProjectsOfCommunity[c]!);
    if (needs.length > limit) limits.push({ rule: 'onePerOrganisation', key: index.communities[c]!.id, needs, limit });
  }
  return limits;
}

function liveEdgesBy<K>(candidates: CandidateSet, blocks: BlockSet, keyOf: (e: number) => K | undefined): Map<K, number[]> {
  const groups = new Map<K, number[]>();
  for (let e = 0; e < candidates.count; e++) {
    if (edgeCapacity(blocks, e) <= 0) continue;
    const key = keyOf(e);
    if (key === undefined) continue;
    const list = groups.get(key);
    if (list) list.push(e);
    else groups.set(key, [e]);
  }
  return groups;
}
