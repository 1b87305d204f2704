/**
 * Why a coverage floor was not met although the community could be covered on its own: the
 * smallest set of other rule instances it conflicts with, and the relaxations that would resolve
 * it, ranked by their cost in value.
 *
 * Every question is asked of the floor's region — the community's needs, the offers that could
 * serve them, and every need those offers could serve (with their bundle partners). Needs outside
 * the region are held at zero, which only frees capacity, budget and limits, so a conflict found
 * in the region is a conflict of the whole run. Values are the region's, as MIPs (HiGHS) on the
 * compacted region model. QuickXplain (Junker 2004) names an irreducible conflict: drop any one
 * member and the rest can be met together.
 */
import type { CandidateSet } from '../candidates/find-candidates.js';
import type { BatchIndex } from '../model/batch-index.js';
import { ArcRole } from '../model/build-model.js';
import { copyBounds, forceMet, forceNone, freshBounds, type Bounds } from './bounds.js';
import { compactMip } from './compact-mip.js';
import { buildMip, type ActiveRules } from './mip-builder.js';
import type { PreparedRules } from './prepare-rules.js';
import type { Relaxation, RuleConflict } from './report-types.js';
import { arcsOfEdge } from './rule-model.js';
import type { MipProblem, PolicySolvers } from './solver-ports.js';
import { quickXplain } from './quick-xplain.js';
import { returnArcs, supplyArc, withExtraColumns } from './extra-capacity.js';

export { quickXplain } from './quick-xplain.js';

/** A rule instance that can be taken out: another community's floor, or a rule of the run. */
type Item = { readonly kind: 'floor'; readonly floor: number } | { readonly kind: 'rule'; readonly rule: RuleKind };
type RuleKind = 'allOrNothing' | 'bundles' | 'minAllocation' | 'maxPairings' | 'onePerOrganisation' | 'budgets';

export interface FloorConflictInput {
  readonly index: BatchIndex;
  readonly candidates: CandidateSet;
  readonly prepared: PreparedRules;
  readonly setBlocks: readonly number[];
  readonly scale: number;
  readonly solvers: PolicySolvers;
  /** Clock reading (ms) after which no more questions are asked. */
  readonly deadline: number;
}

/** The conflict of one unmet floor, or undefined when time ran out or the region finds none. */
export function explainFloor(input: FloorConflictInput, floor: number): RuleConflict | undefined {
  const region = new Region(input, floor);
  const items = region.items();
  const all = new Set(items.map((_, i) => i));
  const feasible = (subset: ReadonlySet<number>) => region.feasible(subset);
  if (feasible(all)) {
    return {
      rules: [region.floorName(floor)],
      explanation: 'the floor can be met together with the others in its region; the rounding did not find how (an exact solve of the whole set would)',
      relaxations: [],
    };
  }
  const conflict = quickXplain(items.length, feasible);
  if (!conflict) return undefined;
  const members = conflict.map((i) => items[i]!);
  return {
    rules: [region.floorName(floor), ...members.map((m) => region.itemName(m))],
    explanation: region.explain(members),
    relaxations: region.relaxations(members),
  };
}

class Region {
  private readonly needs = new Set<number>();
  private readonly offers = new Set<number>();
  private readonly floors: number[];
  private readonly kinds: RuleKind[];

  constructor(
    private readonly input: FloorConflictInput,
    private readonly floor: number,
  ) {
    const { candidates, prepared } = input;
    const { rules } = prepared;
    const own = new Set(rules.floors[floor]!.needs);
    for (let e = 0; e < candidates.count; e++) if (own.has(candidates.need[e]!)) this.offers.add(candidates.offer[e]!);
    for (let e = 0; e < candidates.count; e++) if (this.offers.has(candidates.offer[e]!)) this.needs.add(candidates.need[e]!);
    for (const n of [...this.needs]) {
      const g = rules.groupOfNeed[n]!;
      if (g >= 0) for (const m of rules.groups[g]!.needs) this.needs.add(m);
    }
    this.floors = rules.floors.flatMap((f, i) => (i !== floor && f.needs.some((n) => this.needs.has(n)) ? [i] : []));
    const kinds = new Set<RuleKind>();
    for (const g of rules.groups) if (g.needs.some((n) => this.needs.has(n))) kinds.add(g.rule);
    for (const s of rules.switches) if (s.lower > 1 && this.needs.has(candidates.need[s.edge]!)) kinds.add('minAllocation');
    for (const l of rules.edgeLimits) if (l.switches.some((s) => this.needs.has(candidates.need[rules.switches[s]!.edge]!))) kinds.add(l.rule);
    for (const l of rules.needLimits) if (l.needs.some((n) => this.needs.has(n))) kinds.add('onePerOrganisation');
    if (prepared.blockSet.budgets.length > 0) kinds.add('budgets');
    this.kinds = [...kinds];
  }

  items(): Item[] {
    return [...this.floors.map((floor): Item => ({ kind: 'floor', floor })), ...this.kinds.map((rule): Item => ({ kind: 'rule', rule }))];
  }

  floorName(f: number): string {
    const c = this.input.index.communities[this.input.prepared.rules.floors[f]!.community]!;
    return `coverage floor of ${c.id} ${c.name} (${c.district})`;
  }

  itemName(item: Item): string {
    return item.kind === 'floor' ? this.floorName(item.floor) : `rule ${item.rule}`;
  }

  explain(members: readonly Item[]): string {
    const floors = members.filter((m) => m.kind === 'floor').length;
    const kinds = members.filter((m) => m.kind === 'rule').map((m) => (m as { rule: string }).rule);
    const parts = [floors > 0 ? `${floors} other floor(s) draw on the same offers` : '', kinds.length > 0 ? `the rule(s) ${kinds.join(', ')} leave too little of them` : ''].filter(Boolean);
    return `${parts.join(', and ') || 'the capacity of its candidate offers is taken'}: no assignment meets all of these floors together`;
  }

  /** Whether the floor, the chosen items (and the region's other facts) can all hold; undefined if unanswered. */
  feasible(chosen: ReadonlySet<number>): boolean | undefined {
    const items = this.items();
    const on = new Set([...chosen].map((i) => items[i]!));
    const floors = new Set([this.floor, ...[...on].flatMap((m) => (m.kind === 'floor' ? [m.floor] : []))]);
    const kinds = new Set([...on].flatMap((m) => (m.kind === 'rule' ? [m.rule] : [])));
    const out = this.solve(floors, kinds, false);
    return out === undefined ? undefined : out !== 'infeasible';
  }

  /** The region's value with these floors and rule kinds (undefined: no answer in time). */
  value(floors: ReadonlySet<number>, kinds: ReadonlySet<RuleKind>, extra?: ReadonlyMap<number, number>): number | 'infeasible' | undefined {
    const out = this.solve(floors, kinds, true, extra);
    return out instanceof Map ? undefined : out;
  }

  relaxations(members: readonly Item[]): Relaxation[] {
    const allFloors = new Set([this.floor, ...this.floors]);
    const allKinds = new Set(this.kinds);
    const others = new Set(this.floors);
    const applied = this.value(others, allKinds);
    const reference = typeof applied === 'number' ? applied : undefined;
    const rated = (action: string, v: number | 'infeasible' | undefined, isApplied = false): Relaxation => {
      if (typeof v !== 'number' || reference === undefined) return { action, applied: isApplied };
      const change = v - reference;
      return { action, objective: v, change, changeShare: reference !== 0 ? change / Math.abs(reference) : 0, applied: isApplied };
    };
    const list: Relaxation[] = [rated(`lower the floor of ${this.communityName(this.floor)} to 0 (as returned)`, applied, true)];
    for (const m of members) {
      if (m.kind === 'floor') {
        const floors = new Set(allFloors);
        floors.delete(m.floor);
        list.push(rated(`lower the floor of ${this.communityName(m.floor)} to 0 instead`, this.value(floors, allKinds)));
      } else {
        const kinds = new Set(allKinds);
        kinds.delete(m.rule);
        list.push(rated(`waive rule ${m.rule} in this region`, this.value(allFloors, kinds)));
      }
    }
    const extra = this.extraCapacity(allFloors, allKinds);
    if (extra) list.push(rated(extra.action, this.value(allFloors, allKinds, extra.units)));
    const [first, ...rest] = list;
    rest.sort((a, b) => (b.change ?? Number.NEGATIVE_INFINITY) - (a.change ?? Number.NEGATIVE_INFINITY));
    return [first!, ...rest];
  }

  private communityName(f: number): string {
    const c = this.input.index.communities[this.input.prepared.rules.floors[f]!.community]!;
    return `${c.id} ${c.name} (${c.district})`;
  }

  /** The fewest extra units on the floor's candidate offers that let every floor hold. */
  private extraCapacity(floors: ReadonlySet<number>, kinds: ReadonlySet<RuleKind>): { action: string; units: Map<number, number> } | undefined {
    const { index, candidates, prepared } = this.input;
    const own = new Set(prepared.rules.floors[this.floor]!.needs);
    const offers = new Set<number>();
    for (let e = 0; e < candidates.count; e++) if (own.has(candidates.need[e]!)) offers.add(candidates.offer[e]!);
    const big = Math.max(...[...own].map((n) => prepared.rules.targets[n]?.units ?? 0), 1);
    const out = this.solve(floors, kinds, false, new Map([...offers].map((o) => [o, big] as const)), true);
    if (!out || out === 'infeasible' || typeof out === 'number') return undefined;
    const units = new Map([...out].filter(([, u]) => u > 1e-6).map(([o, u]) => [o, Math.ceil(u - 1e-6)] as const));
    if (units.size === 0) return undefined;
    const text = [...units].map(([o, u]) => {
      const offer = index.offers[o]!;
      return `${u} ${offer.unit} to ${offer.id} (${offer.provider.name}, ${offer.form}: ${offer.categories.join('/')})`;
    });
    return { action: `add ${text.join(' and ')}`, units };
  }

  /**
   * One MIP of the region. `extra` raises offers' supply arcs; with `minimiseExtra` the extra is a
   * priced column and the answer is the extra units used per offer.
   */
  private solve(
    floors: ReadonlySet<number>,
    kinds: ReadonlySet<RuleKind>,
    withValue: boolean,
    extra?: ReadonlyMap<number, number>,
    minimiseExtra = false,
  ): number | 'infeasible' | undefined | Map<number, number> {
    const { prepared, scale, solvers } = this.input;
    const seconds = (this.input.deadline - solvers.clock()) / 1000;
    if (seconds <= 0) return undefined;
    const bounds = this.bounds(kinds, minimiseExtra ? undefined : extra);
    const active: ActiveRules = {
      group: (g) => kinds.has(prepared.rules.groups[g]!.rule),
      switchLower: () => kinds.has('minAllocation'),
      edgeLimit: (l) => kinds.has(prepared.rules.edgeLimits[l]!.rule),
      needLimit: () => kinds.has('onePerOrganisation'),
      floor: (f) => floors.has(f),
    };
    const built = buildMip(prepared.blockSet.blocks, this.input.setBlocks, prepared.rules, bounds, scale, active);
    let problem: MipProblem = built.problem;
    if (!withValue) problem = { ...problem, colCost: new Float64Array(problem.numCols) };
    const supplyCols = new Map<number, number>();
    if (minimiseExtra && extra) problem = withExtraColumns(prepared.blockSet, this.input.setBlocks, problem, extra, supplyCols);
    const compact = compactMip(problem);
    if (!compact.consistent) return 'infeasible';
    const out = solvers.mip(compact.problem, { timeLimitSeconds: Math.min(seconds, 5), relativeGap: 1e-6 });
    if (out.status === 'infeasible') return 'infeasible';
    if (out.status !== 'optimal') return undefined;
    if (!minimiseExtra) return out.objective + compact.offset;
    const position = new Map(Array.from(compact.kept, (j, k) => [j, k] as const));
    return new Map([...supplyCols].map(([o, j]) => [o, out.values[position.get(j) ?? -1] ?? 0] as const));
  }

  /** Fresh bounds with the region cut out, the static group choices of active kinds, budgets on or off. */
  private bounds(kinds: ReadonlySet<RuleKind>, extra?: ReadonlyMap<number, number>): Bounds {
    const { prepared, candidates } = this.input;
    const { rules, blockSet } = prepared;
    const bounds: Bounds = copyBounds(freshBounds(blockSet.blocks));
    for (const g of rules.groups) {
      if (!kinds.has(g.rule)) continue;
      for (const n of g.needs) {
        const t = rules.targets[n];
        if (t && g.blocked) forceNone(bounds, t);
        else if (t && g.forced) forceMet(bounds, t);
      }
    }
    rules.targets.forEach((t, n) => {
      if (t && !this.needs.has(n)) forceNone(bounds, t);
    });
    for (let e = 0; e < candidates.count; e++) {
      if (this.needs.has(candidates.need[e]!) || blockSet.edgeBlock[e]! < 0) continue;
      for (const a of arcsOfEdge(blockSet, e)) bounds.upper[blockSet.edgeBlock[e]!]![a] = 0;
    }
    if (!kinds.has('budgets')) {
      for (const budget of blockSet.budgets) {
        const net = blockSet.blocks[budget.block]!.network;
        let total = 0;
        for (let a = 0; a < net.arcCount; a++) if (blockSet.blocks[budget.block]!.arcRole[a] === ArcRole.supply) total += net.capacity[a]!;
        bounds.upper[budget.block]![budget.arc] = total;
      }
    }
    for (const [o, units] of extra ?? []) {
      const b = blockSet.blockOfOffer[o]!;
      const a = supplyArc(blockSet, b, o);
      if (a < 0) continue;
      bounds.upper[b]![a] = bounds.upper[b]![a]! + units;
      for (const r of returnArcs(blockSet, b)) bounds.upper[b]![r] = bounds.upper[b]![r]! + units;
    }
    return bounds;
  }
}
