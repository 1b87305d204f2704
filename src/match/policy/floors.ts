/**
 * Coverage floors: every pilot community (or every community) gets at least k needs met in full,
 * "when any assignment allows it". A need counts toward the floor when it could be met on its own
 * under every rule of the run (its candidates' capacity, the caps, the limits, its bundle); a
 * community with fewer such needs than its floor gets its floor lowered to what is possible, and
 * the result says which communities and why.
 */
import type { BatchIndex } from '../model/batch-index.js';
import type { CandidateSet } from '../candidates/find-candidates.js';
import { edgesByNeed } from '../pairings/decode.js';
import type { MatchModel } from '../model/build-model.js';
import type { BlockSet } from './blocks.js';
import type { PolicyOptions } from './options.js';
import type { Floor, RuleModel } from './rule-model.js';
import { arcsOfEdge } from './rule-model.js';
import type { LockFacts } from './lock-facts.js';
import type { ResolvedBudgets } from './budget-plan.js';
import type { FloorExemption, NeedBlocker } from './report-types.js';

// Defined with the other report shapes (report-types.ts), so MatchResult's types import no solver code.
export type { FloorExemption, NeedBlocker } from './report-types.js';

export interface FloorPlan {
  readonly floors: readonly Floor[];
  readonly exemptions: readonly FloorExemption[];
}

/** The floors of a run, lowered where a community cannot reach them on its own. */
export function planFloors(
  index: BatchIndex,
  candidates: CandidateSet,
  model: MatchModel,
  blocks: BlockSet,
  rules: Omit<RuleModel, 'floors'>,
  policy: PolicyOptions,
  locks: LockFacts,
  budgets: ResolvedBudgets,
): FloorPlan {
  const spec = policy.coverageFloor;
  if (!spec) return { floors: [], exemptions: [] };
  const check = new NeedCheck(index, candidates, model, blocks, rules, locks, budgets);
  const needsOf: number[][] = index.communities.map(() => []);
  index.needs.forEach((_, n) => needsOf[index.needCommunity[n]!]!.push(n));
  const floors: Floor[] = [];
  const exemptions: FloorExemption[] = [];
  index.communities.forEach((community, c) => {
    if (spec.communities === 'pilot' && !community.pilot) return;
    const wanted = spec.byDistrict[community.district] ?? spec.needsMet;
    const floor = wanted - locks.lockedMetOfCommunity[c]!;
    if (floor <= 0) return;
    const open = needsOf[c]!.filter((n) => !locks.metByLocks[n]);
    const blockers = open.map((n) => ({ n, blocker: check.blockerOf(n) }));
    const able = blockers.filter((b) => b.blocker === undefined).map((b) => b.n);
    if (able.length > 0) floors.push({ community: c, needs: able, floor: Math.min(floor, able.length) });
    if (able.length >= floor) return;
    exemptions.push({
      community: community.id,
      district: community.district,
      floor: wanted,
      loweredTo: wanted - floor + able.length,
      needs: blockers.flatMap((b) => (b.blocker ? [{ need: index.needs[b.n]!.id, blocker: b.blocker }] : [])),
    });
  });
  return { floors, exemptions };
}

/** Whether one need could be met in full on its own under every rule, and if not, why. */
class NeedCheck {
  private readonly byNeed: number[][];
  private readonly switchLimit: Float64Array;
  private readonly needLimit: Float64Array;

  constructor(
    private readonly index: BatchIndex,
    private readonly candidates: CandidateSet,
    private readonly model: MatchModel,
    private readonly blocks: BlockSet,
    private readonly rules: Omit<RuleModel, 'floors'>,
    private readonly locks: LockFacts,
    private readonly budgets: ResolvedBudgets,
  ) {
    this.byNeed = edgesByNeed(candidates, index.needs.length);
    this.switchLimit = new Float64Array(rules.switches.length).fill(Number.POSITIVE_INFINITY);
    for (const limit of rules.edgeLimits) for (const s of limit.switches) this.switchLimit[s] = Math.min(this.switchLimit[s]!, limit.limit);
    this.needLimit = new Float64Array(index.needs.length).fill(Number.POSITIVE_INFINITY);
    for (const limit of rules.needLimits) for (const n of limit.needs) this.needLimit[n] = Math.min(this.needLimit[n]!, limit.limit);
  }

  blockerOf(n: number): NeedBlocker | undefined {
    const own = this.ownBlocker(n);
    if (own) return own;
    const g = this.rules.groupOfNeed[n]!;
    if (g < 0) return undefined;
    const group = this.rules.groups[g]!;
    for (const m of group.needs) {
      if (m !== n && this.ownBlocker(m)) return { code: 'bundle', bundle: group.id, member: this.index.needs[m]!.id };
    }
    return undefined;
  }

  private ownBlocker(n: number): NeedBlocker | undefined {
    if (!this.candidates.pooled[n]) return { code: 'not_pooled' };
    const edges = this.byNeed[n]!;
    if (edges.length === 0) return { code: 'no_candidate' };
    const target = this.rules.targets[n];
    if (!target) return { code: 'cut_by_rules', rules: Object.keys(this.rules.removedEdges) };
    if (this.needLimit[n]! < 1) return { code: 'limit', rule: 'onePerOrganisation' };
    const district = this.index.communities[this.index.needCommunity[n]!]!.district;
    const left = this.index.needs[n]!.form === 'funds' ? this.budgets.districtCap.get(district) : undefined;
    if (left !== undefined && left < target.units) return { code: 'budget', district, left, needed: target.units };
    let available = 0;
    let limited = false;
    for (const e of edges) {
      const cap = this.usableUnits(e, target.shortArcs);
      if (cap < 0) limited = true;
      else available += cap;
    }
    if (available >= target.units) return undefined;
    if (available === 0 && limited) return { code: 'limit', rule: 'maxPairings' };
    return { code: 'capacity', available, needed: target.units };
  }

  /** Units edge e could bring on its own, or -1 when a pairing limit shuts it. */
  private usableUnits(e: number, shortArcs: readonly number[]): number {
    const b = this.blocks.edgeBlock[e]!;
    if (b < 0) return 0;
    const s = this.rules.switchOfEdge[e]!;
    if (s >= 0 && this.switchLimit[s]! < 1) return -1;
    let cap = 0;
    for (const a of arcsOfEdge(this.blocks, e)) if (!shortArcs.includes(a)) cap += this.blocks.blocks[b]!.network.capacity[a]!;
    const o = this.candidates.offer[e]!;
    cap = Math.min(cap, this.model.locks.offerCap[o]!);
    const programme = this.budgets.programmeOfOffer[o];
    const pot = programme === undefined ? undefined : this.budgets.programmeCap.get(programme);
    return pot === undefined ? cap : Math.min(cap, pot);
  }
}
