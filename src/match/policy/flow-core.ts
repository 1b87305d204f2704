/**
 * The flow core for sets of blocks too large for an exact MIP: relax every binary choice, solve
 * the network exactly (its optimum is a proven upper bound), then round — read which rules the
 * flow breaks, fix those choices (meet in full or give nothing, switch on or off, keep the most
 * valuable pairings), solve again, and repeat until no rule is broken. Every round is an exact
 * flow solve, so the last one comes with potentials for the prices.
 *
 * A fix that makes a block infeasible (lower bounds that capacity cannot serve) is taken back,
 * least confident first; a floor need taken back is not tried again.
 */
import { copyBounds, type Bounds } from './bounds.js';
import { applyDecisions, emptyDecisions, type Decisions } from './decisions.js';
import { FixProposer, type Fix } from './rounding-fixes.js';
import { isMet, type BlockFlows } from './rule-state.js';
import { solveBlock, type BlockSolution } from './solve-block.js';
import type { CoreInput } from './flow-core-input.js';

export type { CoreInput } from './flow-core-input.js';

export interface CoreResult {
  readonly bounds: Bounds;
  readonly decisions: Decisions;
  readonly solutions: ReadonlyMap<number, BlockSolution>;
  /** Σ −dualBound/scale of the relaxation (value units): a proven upper bound for the set. */
  readonly relaxationBound: number;
  /** The relaxation's solution and proven bound (value units) per block. */
  readonly relaxed: ReadonlyMap<number, { readonly solution: BlockSolution; readonly bound: number }>;
  readonly rounds: number;
  /** The rounding stopped at the deadline with rules still broken. */
  readonly timedOut: boolean;
  /** Floors (indices) the rounding could not meet. */
  readonly unmetFloors: readonly number[];
}

const MAX_ROUNDS = 200;

export function runFlowCore(input: CoreInput): CoreResult {
  const state = new CoreState(input);
  if (input.relaxedSolutions) state.adopt(input.relaxedSolutions);
  // The relaxation is certified: its dual bound is the set's proven bound.
  else if (!state.solveAll(input.ids, true)) throw new Error('match/policy: the relaxation of a block is infeasible (locked pairs exceed capacity?)');
  const relaxationBound = -[...state.solutions.values()].reduce((s, x) => s + x.dualBound, 0) / input.scale;
  const relaxed = new Map([...state.solutions].map(([b, solution]) => [b, { solution, bound: -solution.dualBound / input.scale }] as const));
  let rounds = 0;
  if (input.start) {
    // The start flows only choose the first fixes; the rounds after read the real solves.
    state.useFlows(input.start);
    const fixes = state.proposeFixes();
    state.useFlows(new Map([...state.solutions].map(([b, sol]) => [b, sol.flow] as const)));
    if (fixes.length > 0) {
      state.commit(fixes);
      rounds++;
    }
  }
  let timedOut = false;
  for (; rounds < MAX_ROUNDS; rounds++) {
    const fixes = state.proposeFixes();
    if (fixes.length === 0) break;
    if (input.solvers.clock() > input.deadline) {
      timedOut = true;
      break;
    }
    state.commit(fixes);
  }
  if (timedOut) state.giveUp();
  return {
    bounds: state.bounds(),
    decisions: state.decisions,
    solutions: state.solutions,
    relaxationBound,
    relaxed,
    rounds,
    timedOut,
    unmetFloors: state.unmetFloors(),
  };
}

class CoreState {
  readonly decisions = emptyDecisions();
  readonly solutions = new Map<number, BlockSolution>();
  /** Close limits that are reached, not only those broken (see needLimitFixes). */
  readonly closing = true;
  readonly attempted = new Set<number>();
  readonly flows: Float64Array[];

  private readonly idSet: ReadonlySet<number>;
  private readonly limited: ReadonlySet<number>;

  constructor(readonly input: CoreInput) {
    this.flows = input.blocks.map((b, i) => input.frozen?.get(i)?.flow ?? new Float64Array(b.network.arcCount));
    this.idSet = new Set(input.ids);
    this.limited = new Set(input.rules.edgeLimits.flatMap((l) => l.switches));
  }

  /** Takes known solutions of the set's blocks as the current ones. */
  adopt(solutions: ReadonlyMap<number, BlockSolution>): void {
    for (const b of this.input.ids) {
      const sol = solutions.get(b)!;
      this.solutions.set(b, sol);
      this.flows[b] = sol.flow;
    }
  }

  bounds(): Bounds {
    const bounds = copyBounds(this.input.base);
    applyDecisions(bounds, this.input.rules, this.decisions);
    return bounds;
  }

  /** Solves the given blocks (default: all of the set); false if one is infeasible. */
  solveAll(only: Iterable<number> = this.input.ids, certify = false): boolean {
    const bounds = this.bounds();
    for (const b of only) {
      const sol = solveBlock(this.input.blocks[b]!, bounds.lower[b]!, bounds.upper[b]!, this.input.solvers, certify);
      if (!sol) return false;
      this.solutions.set(b, sol);
      this.flows[b] = sol.flow;
    }
    return true;
  }

  /** Reads the next fixes off these flows instead of the last solve's. */
  useFlows(flows: ReadonlyMap<number, Float64Array>): void {
    for (const [b, f] of flows) this.flows[b] = f;
  }

  get view(): BlockFlows {
    return this.flows;
  }

  /**
   * Applies fixes and re-solves the blocks they touch. A block that turns infeasible backs off
   * this round's forcing fixes, least confident half first; if that is not enough, the older
   * forcing decisions on it go too (only fixes that add lower bounds can make it infeasible).
   */
  commit(fixes: Fix[]): void {
    for (const f of fixes) f.apply(this.decisions);
    const blocks = new Set(fixes.flatMap((f) => f.blocks));
    let backedOff = false;
    for (const b of blocks) {
      let trial = fixes.filter((f) => f.forcing && f.blocks.includes(b)).sort((x, y) => x.confidence - y.confidence);
      while (!this.solveAll([b])) {
        backedOff = true;
        if (trial.length === 0) {
          this.dropForcing(b);
          if (!this.solveAll([b])) throw new Error('match/policy: a block stays infeasible without forcing decisions');
          break;
        }
        const back = trial.slice(0, Math.max(1, Math.ceil(trial.length / 2)));
        trial = trial.slice(back.length);
        for (const f of back) f.undo(this.decisions);
      }
    }
    // A fix taken back may span blocks solved before it was taken back.
    if (backedOff && !this.solveAll(blocks)) throw new Error('match/policy: backing off left a block infeasible');
  }

  /** Takes back every forcing decision that touches block b (locked groups stay in the base). */
  private dropForcing(b: number): void {
    const { rules } = this.input;
    const touches = (n: number) => rules.targets[n]?.block === b;
    for (const [g, met] of this.decisions.groupMet) if (met && rules.groups[g]!.needs.some(touches)) this.decisions.groupMet.set(g, false);
    for (const n of [...this.decisions.needMet]) if (touches(n)) this.decisions.needMet.delete(n);
    for (const [s, on] of this.decisions.switchOn) if (on && rules.switches[s]!.block === b) this.decisions.switchOn.set(s, false);
  }

  /** At the deadline: give nothing wherever a choice is still open and broken (always feasible). */
  giveUp(): void {
    const { rules } = this.input;
    const inSet = new Set(this.input.ids);
    rules.groups.forEach((g, gi) => {
      if (!g.forced && !this.decisions.groupMet.has(gi) && g.needs.some((n) => inSet.has(rules.targets[n]?.block ?? -1))) this.decisions.groupMet.set(gi, false);
    });
    rules.switches.forEach((sw, s) => {
      if (inSet.has(sw.block) && !this.decisions.switchOn.has(s) && (sw.lower > 1 || this.isLimited(s))) this.decisions.switchOn.set(s, false);
    });
    for (const limit of rules.needLimits) for (const n of limit.needs) if (!this.mustMeet(n) && inSet.has(rules.targets[n]!.block)) this.decisions.needNone.add(n);
    if (!this.solveAll()) throw new Error('match/policy: giving nothing left a block infeasible');
  }

  private isLimited(s: number): boolean {
    return this.limited.has(s);
  }

  unmetFloors(): number[] {
    const { rules } = this.input;
    return rules.floors.flatMap((floor, f) => (this.inSet(floor.needs) && floor.needs.filter((n) => isMet(rules, this.view, n)).length < floor.floor ? [f] : []));
  }

  /** Whether the need's block is one this rounding decides (not frozen). */
  own(n: number): boolean {
    const t = this.input.rules.targets[n];
    return t !== undefined && this.idSet.has(t.block);
  }

  /** Whether every member of the need's group is decided here (a group may span frozen blocks). */
  groupOwn(n: number): boolean {
    const g = this.input.rules.groupOfNeed[n]!;
    return g < 0 || this.input.rules.groups[g]!.needs.every((m) => this.own(m) || !this.input.rules.targets[m]);
  }

  /** Whether any of these needs lies in the set's blocks (the others are frozen or elsewhere). */
  inSet(needs: readonly number[]): boolean {
    return needs.some((n) => {
      const t = this.input.rules.targets[n];
      return t !== undefined && this.idSet.has(t.block);
    });
  }

  /** The fixes this round's flow calls for, one per broken rule instance. */
  proposeFixes(): Fix[] {
    // Needs a fix of this round already decides; their groups wait for the next round, which
    // then sees the decision (a group cannot be met with a member closed, nor shut with one forced).
    const handled = new Set<number>();
    const fixes = new FixProposer(this);
    const floors = fixes.floorFixes(handled);
    const limits = fixes.needLimitFixes(handled);
    return [...floors, ...limits, ...fixes.groupFixes(handled), ...fixes.edgeLimitFixes(), ...fixes.switchFixes()];
  }

  /** Whether a decision already obliges the need to be met in full. */
  mustMeet(n: number): boolean {
    const g = this.input.rules.groupOfNeed[n]!;
    return this.decisions.needMet.has(n) || (g >= 0 && (this.decisions.groupMet.get(g) === true || this.input.rules.groups[g]!.forced));
  }

}
