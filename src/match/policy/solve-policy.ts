/**
 * The policy solve: the run's rules over its blocks, set by coupled set.
 *
 *  - a set without rule instances is a plain network: the flow solver, certified (gap 0);
 *  - a set of at most `exactMaxArcs` arcs is solved as a MIP (HiGHS, binaries only for the
 *    rules' choices); its choices are then fixed and the flows re-solved by the flow solver, so
 *    the answer is an exact network optimum under those choices; the bound is the MIP's;
 *  - a larger set goes to the flow core (relax, round, re-solve); its bound is the relaxation's
 *    network optimum, tightened by Lagrangian relaxation when time allows.
 *
 * The run's bound is the sum of the sets' bounds; "optimal" is claimed only where a set's bound
 * meets its objective.
 */
import type { FlowBlock } from './blocks.js';
import { copyBounds, type Bounds } from './bounds.js';
import { coupledSets, type CoupledSet } from './coupled-sets.js';
import { applyDecisions, decisionsIn, emptyDecisions, type Decisions } from './decisions.js';
import { isMet, ruleViolations } from './rule-state.js';
import { runFlowCore } from './flow-core.js';
import { LagrangianSession } from './lagrangian.js';
import { allRulesActive, buildMip } from './mip-builder.js';
import type { PolicyOptions } from './options.js';
import type { PreparedRules } from './prepare-rules.js';
import { certifyBlock, solveBlock, type BlockSolution } from './solve-block.js';
import type { PolicySolvers } from './solver-ports.js';

export type SetMethod = 'flow' | 'mip' | 'flow-core';

/** Relative slack between a MIP solver's proven bound and the exact objective still read as "optimal". */
export const MIP_TOLERANCE = 1e-6;

/** How one coupled set was solved. Values in value units, constants of locked pairs excluded. */
export interface SetOutcome {
  readonly blocks: readonly number[];
  readonly arcs: number;
  readonly method: SetMethod;
  readonly objective: number;
  readonly bound: number;
  readonly proven: boolean;
  readonly timeLimitReached: boolean;
  /** Floors (indices into rules.floors) this set's answer does not meet. */
  readonly unmetFloors: readonly number[];
  readonly detail: string;
}

export interface PolicySolution {
  readonly solutions: readonly BlockSolution[];
  readonly decisions: Decisions;
  readonly sets: readonly SetOutcome[];
  /** Σ set objectives and bounds (value units, without the constants of locked pairs). */
  readonly objective: number;
  readonly bound: number;
  readonly proven: boolean;
  readonly timeLimitReached: boolean;
}

interface SolveContext {
  readonly prepared: PreparedRules;
  readonly policy: PolicyOptions;
  readonly scale: number;
  readonly solvers: PolicySolvers;
  readonly deadline: number;
  readonly solutions: BlockSolution[];
  readonly decisions: Decisions;
}

export function solvePolicy(prepared: PreparedRules, policy: PolicyOptions, scale: number, solvers: PolicySolvers): PolicySolution {
  const blocks = prepared.blockSet.blocks;
  const ctx: SolveContext = {
    prepared,
    policy,
    scale,
    solvers,
    deadline: solvers.clock() + policy.timeLimitSeconds * 1000,
    solutions: new Array<BlockSolution>(blocks.length),
    decisions: emptyDecisions(),
  };
  const sets = coupledSets(blocks.length, (b) => blocks[b]!.network.arcCount, prepared.rules).map((set) => solveSet(ctx, set));
  const objective = sets.reduce((s, x) => s + x.objective, 0);
  const bound = sets.reduce((s, x) => s + x.bound, 0);
  return {
    solutions: ctx.solutions,
    decisions: ctx.decisions,
    sets,
    objective,
    bound: Math.max(bound, objective),
    proven: sets.every((s) => s.proven),
    timeLimitReached: sets.some((s) => s.timeLimitReached),
  };
}

function solveSet(ctx: SolveContext, set: CoupledSet): SetOutcome {
  if (!set.hasRules) return solvePlain(ctx, set);
  // Past the deadline no MIP is started: the flow core answers at once (it gives up rounding then).
  if (set.arcs <= ctx.policy.exactMaxArcs && ctx.solvers.clock() < ctx.deadline) {
    const exact = solveExact(ctx, set);
    if (exact) return exact;
  }
  return solveByCore(ctx, set, '');
}

const valueOf = (ctx: SolveContext, cost: number) => -cost / ctx.scale;

function solvePlain(ctx: SolveContext, set: CoupledSet): SetOutcome {
  let cost = 0;
  let dual = 0;
  let ok = true;
  for (const b of set.blocks) {
    const sol = solveBlock(block(ctx, b), ctx.prepared.base.lower[b]!, ctx.prepared.base.upper[b]!, ctx.solvers);
    if (!sol) throw new Error(`match/policy: block ${b} has no feasible flow under locked pairs`);
    ctx.solutions[b] = sol;
    cost += sol.cost;
    dual += sol.dualBound;
    ok &&= sol.certificateOk;
  }
  return outcome(set, 'flow', valueOf(ctx, cost), valueOf(ctx, dual), ok && cost === dual, false, [], 'network simplex, certified');
}

function block(ctx: SolveContext, b: number): FlowBlock {
  return ctx.prepared.blockSet.blocks[b]!;
}

function remainingSeconds(ctx: SolveContext): number {
  return Math.max(0.05, (ctx.deadline - ctx.solvers.clock()) / 1000);
}

/**
 * Exact MIP, then the flows re-solved under its choices. When the floors cannot all be met, two
 * more MIPs make them soft in lexicographic order: first the most floors any assignment meets,
 * then the most value among assignments meeting that many. Undefined when the flow core should
 * take over (no answer from the MIP solver in time, or a conflict without floors to give).
 */
function solveExact(ctx: SolveContext, set: CoupledSet): SetOutcome | undefined {
  const { rules, base } = ctx.prepared;
  const blocks = ctx.prepared.blockSet.blocks;
  const limits = () => ({ timeLimitSeconds: remainingSeconds(ctx), relativeGap: ctx.policy.relativeGap });
  let built = buildMip(blocks, set.blocks, rules, base, ctx.scale);
  let out = ctx.solvers.mip(built.problem, limits());
  let waived: number[] = [];
  let coverageProven = true;
  let note = '';
  if (out.status === 'infeasible' && rules.floors.length > 0) {
    const cover = ctx.solvers.mip(buildMip(blocks, set.blocks, rules, base, ctx.scale, allRulesActive, { kind: 'coverage' }).problem, { ...limits(), relativeGap: 0 });
    if (cover.status !== 'optimal' && cover.status !== 'time_limit') return undefined;
    coverageProven = cover.status === 'optimal';
    const covered = Math.round(cover.objective);
    built = buildMip(blocks, set.blocks, rules, base, ctx.scale, allRulesActive, { kind: 'atLeast', covered });
    out = ctx.solvers.mip(built.problem, limits());
    if (out.status === 'optimal' || out.status === 'time_limit') waived = built.waived(out.values);
    note = `; floors cannot all be met: at most ${covered} of them${coverageProven ? ' (proven)' : ' (best found in time)'}`;
  }
  if (out.status !== 'optimal' && out.status !== 'time_limit') return undefined;
  const decisions = built.decisions(out.values);
  const bounds = copyBounds(base);
  applyDecisions(bounds, rules, decisions);
  const sols = new Map<number, BlockSolution>();
  for (const b of set.blocks) {
    const sol = solveBlock(block(ctx, b), bounds.lower[b]!, bounds.upper[b]!, ctx.solvers);
    if (!sol) return undefined;
    sols.set(b, sol);
  }
  let cost = 0;
  for (const [b, sol] of sols) {
    ctx.solutions[b] = sol;
    cost += sol.cost;
  }
  mergeDecisions(ctx.decisions, decisions);
  const objective = valueOf(ctx, cost);
  const bound = Math.max(out.bound, objective);
  // HiGHS proves optimality up to its feasibility tolerances (1e-6): its bound may exceed our exact
  // re-solved objective by that much without any better assignment existing.
  const proven = coverageProven && out.status === 'optimal' && bound - objective <= MIP_TOLERANCE * Math.max(1, Math.abs(objective));
  const detail = `HiGHS MIP ${out.status} in ${out.seconds.toFixed(3)} s (${built.problem.numCols} columns, ${countIntegers(built.problem.integer)} binary)${note}`;
  return outcome(set, 'mip', objective, proven ? objective : bound, proven, out.status === 'time_limit', waived, detail);
}

function countIntegers(integer: Uint8Array): number {
  let k = 0;
  for (const v of integer) k += v;
  return k;
}

function solveByCore(ctx: SolveContext, set: CoupledSet, note: string): SetOutcome {
  const input = {
    blocks: ctx.prepared.blockSet.blocks,
    ids: set.blocks,
    rules: ctx.prepared.rules,
    base: ctx.prepared.base,
    scale: ctx.scale,
    pairArcsOfNeed: ctx.prepared.pairArcsOfNeed,
    solvers: ctx.solvers,
    deadline: ctx.deadline,
  };
  const first = runFlowCore(input);
  let core: CoreRun = first;
  let best = valueOfCore(ctx, core, set);
  const target = (bound: number) => bound - best <= ctx.policy.relativeGap * Math.abs(bound);
  let bound = core.relaxationBound;
  let steps = 0;
  let timedOut = first.timedOut;
  let rounded = 'relaxation';
  if (!target(bound) && !timedOut) {
    const session = new LagrangianSession({
      ...input,
      relaxed: new Map([...first.relaxed].map(([b, r]) => [b, r.solution.flow] as const)),
      relaxedValue: new Map([...first.relaxed].map(([b, r]) => [b, r.bound] as const)),
      primalValue: blockValues(ctx, set, core),
      relativeGap: ctx.policy.relativeGap,
      floorsHard: first.unmetFloors.length === 0,
    });
    // Stages: some Lagrangian steps, then a rounding from the best multipliers' flows (a better
    // solution also aims the next steps better), until the gap target, the deadline or no progress.
    for (let stage = 0; stage < LAGRANGIAN_STAGES && !target(bound) && !session.done; stage++) {
      session.run(LAGRANGIAN_STEPS_PER_STAGE);
      bound = Math.min(bound, session.bound);
      timedOut ||= session.timedOut;
      if (target(bound) || timedOut || ctx.solvers.clock() > ctx.deadline || session.flows.size === 0) break;
      const again = roundFrom(ctx, set, input, first, session.flows);
      timedOut ||= again.timedOut;
      const mixed = bestPerBlock(ctx, set, core, again.core);
      if (mixed.core !== core && keepsRules(ctx, mixed.core, set)) {
        core = mixed.core;
        best = valueOfCore(ctx, core, set);
        rounded = mixed.from;
        session.setPrimal(blockValues(ctx, set, core));
      }
    }
    steps = session.iterations;
  }
  // Roundings skip the certificates; the answer's blocks are checked once, under its bounds.
  const bounds = finalBounds(ctx.prepared, core.decisions);
  for (const b of set.blocks) ctx.solutions[b] = certifyBlock(block(ctx, b), bounds.lower[b]!, bounds.upper[b]!, core.solutions.get(b)!, ctx.solvers);
  mergeDecisions(ctx.decisions, core.decisions);
  const objective = best;
  bound = Math.max(objective, bound);
  const proven = bound - objective <= 1e-9 * Math.max(1, Math.abs(objective));
  const detail = `flow core: relaxation bound ${first.relaxationBound.toFixed(3)}, ${steps} Lagrangian steps, rounded from the ${rounded} in ${core.rounds} rounds${note}`;
  return outcome(set, 'flow-core', objective, bound, proven, timedOut, core.unmetFloors, detail);
}

type CoreRun = Pick<ReturnType<typeof runFlowCore>, 'solutions' | 'decisions' | 'relaxationBound' | 'rounds' | 'unmetFloors'>;

/** Lagrangian stages and the steps in each (each stage ends with a rounding). */
const LAGRANGIAN_STAGES = 10;
const LAGRANGIAN_STEPS_PER_STAGE = 15;

/** Value of each block's solution (value units). */
function blockValues(ctx: SolveContext, set: CoupledSet, core: CoreRun): Map<number, number> {
  return new Map(set.blocks.map((b) => [b, valueOf(ctx, core.solutions.get(b)!.cost)] as const));
}

/** Rounds again the blocks the multipliers moved, from their flows; the other blocks stay. */
function roundFrom(ctx: SolveContext, set: CoupledSet, input: Parameters<typeof runFlowCore>[0], first: ReturnType<typeof runFlowCore>, flows: ReadonlyMap<number, Float64Array>): { core: CoreRun; timedOut: boolean } {
  const redo = set.blocks.filter((b) => flows.has(b));
  const again = runFlowCore({
    ...input,
    ids: redo,
    start: flows,
    relaxedSolutions: new Map(redo.map((b) => [b, first.relaxed.get(b)!.solution] as const)),
    frozen: new Map(set.blocks.filter((b) => !flows.has(b)).map((b) => [b, first.solutions.get(b)!] as const)),
  });
  return { core: completeWith(ctx, set, first, again, new Set(redo)), timedOut: again.timedOut };
}

/** A rounding of some blocks completed with another's answer for the rest. */
function completeWith(ctx: SolveContext, set: CoupledSet, base: CoreRun, part: CoreRun, blocks: ReadonlySet<number>): CoreRun {
  const { rules } = ctx.prepared;
  const solutions = new Map(set.blocks.map((b) => [b, (blocks.has(b) ? part : base).solutions.get(b)!] as const));
  const decisions = emptyDecisions();
  mergeDecisions(decisions, decisionsIn(base.decisions, rules, new Set(set.blocks.filter((b) => !blocks.has(b)))));
  mergeDecisions(decisions, decisionsIn(part.decisions, rules, blocks));
  return { ...part, solutions, decisions, unmetFloors: unmetFloorsOf(ctx, solutions, set) };
}

/** Floors (indices) of the set that these flows leave unmet. */
function unmetFloorsOf(ctx: SolveContext, solutions: ReadonlyMap<number, BlockSolution>, set: CoupledSet): number[] {
  const { rules } = ctx.prepared;
  const flows = ctx.prepared.blockSet.blocks.map((_, x) => solutions.get(x)?.flow ?? new Float64Array(0));
  const inSet = new Set(set.blocks);
  return rules.floors.flatMap((floor, f) =>
    floor.needs.some((n) => inSet.has(rules.targets[n]?.block ?? -1)) && floor.needs.filter((n) => isMet(rules, flows, n)).length < floor.floor ? [f] : [],
  );
}

/** Lexicographic: fewer unmet floors first, then more value. */
function better(ctx: SolveContext, set: CoupledSet, x: CoreRun, y: CoreRun): boolean {
  if (x.unmetFloors.length !== y.unmetFloors.length) return x.unmetFloors.length < y.unmetFloors.length;
  return valueOfCore(ctx, x, set) > valueOfCore(ctx, y, set);
}

/**
 * The better of two roundings; or each block's better answer, where that combination meets as
 * many floors and breaks no rule.
 */
function bestPerBlock(ctx: SolveContext, set: CoupledSet, a: CoreRun, b: CoreRun): { core: CoreRun; from: string } {
  const { rules } = ctx.prepared;
  const whole = better(ctx, set, b, a) ? { core: b, from: 'Lagrangian multipliers' } : { core: a, from: 'relaxation' };
  const fromB = new Set(set.blocks.filter((x) => b.solutions.get(x)!.cost < a.solutions.get(x)!.cost));
  if (fromB.size === 0 || fromB.size === set.blocks.length) return whole;
  const solutions = new Map(set.blocks.map((x) => [x, (fromB.has(x) ? b : a).solutions.get(x)!] as const));
  const unmetFloors = unmetFloorsOf(ctx, solutions, set);
  const decisions = emptyDecisions();
  mergeDecisions(decisions, decisionsIn(a.decisions, rules, new Set(set.blocks.filter((x) => !fromB.has(x)))));
  mergeDecisions(decisions, decisionsIn(b.decisions, rules, fromB));
  const mixed: CoreRun = { ...a, solutions, decisions, unmetFloors };
  if (!keepsRules(ctx, mixed, set) || !better(ctx, set, mixed, whole.core)) return whole;
  return { core: mixed, from: 'relaxation and Lagrangian multipliers, block by block' };
}

/** Whether a rounding's solution keeps every rule instance of the set (its unmet floors aside). */
function keepsRules(ctx: SolveContext, core: CoreRun, set: CoupledSet): boolean {
  const flows = ctx.prepared.blockSet.blocks.map((_, x) => core.solutions.get(x)?.flow ?? new Float64Array(0));
  return ruleViolations(ctx.prepared.rules, flows, String, new Set(set.blocks), new Set(core.unmetFloors)).length === 0;
}

function valueOfCore(ctx: SolveContext, core: CoreRun, set: CoupledSet): number {
  let cost = 0;
  for (const b of set.blocks) cost += core.solutions.get(b)!.cost;
  return valueOf(ctx, cost);
}

function outcome(set: CoupledSet, method: SetMethod, objective: number, bound: number, proven: boolean, timeLimitReached: boolean, unmetFloors: readonly number[], detail: string): SetOutcome {
  return { blocks: set.blocks, arcs: set.arcs, method, objective, bound, proven, timeLimitReached, unmetFloors, detail };
}

function mergeDecisions(into: Decisions, from: Decisions): void {
  for (const [k, v] of from.groupMet) into.groupMet.set(k, v);
  for (const [k, v] of from.switchOn) into.switchOn.set(k, v);
  for (const n of from.needNone) into.needNone.add(n);
  for (const n of from.needMet) into.needMet.add(n);
}

/** The bounds a solution was solved under: base plus its decisions (for re-solves and prices). */
export function finalBounds(prepared: PreparedRules, decisions: Decisions): Bounds {
  const bounds = copyBounds(prepared.base);
  applyDecisions(bounds, prepared.rules, decisions);
  return bounds;
}
