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
import { ruleViolations } from './rule-state.js';
import { runFlowCore } from './flow-core.js';
import { improveBound } from './lagrangian.js';
import { buildMip } from './mip-builder.js';
import type { PolicyOptions } from './options.js';
import type { PreparedRules } from './prepare-rules.js';
import { solveBlock, type BlockSolution } from './solve-block.js';
import type { PolicySolvers } from './solver-ports.js';

export type SetMethod = 'flow' | 'mip' | 'flow-core';

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
  if (set.arcs <= ctx.policy.exactMaxArcs) {
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

/** Exact MIP, then the flows re-solved under its choices. Undefined when the flow core should take over. */
function solveExact(ctx: SolveContext, set: CoupledSet): SetOutcome | undefined {
  const { rules, base } = ctx.prepared;
  const built = buildMip(ctx.prepared.blockSet.blocks, set.blocks, rules, base, ctx.scale);
  const out = ctx.solvers.mip(built.problem, { timeLimitSeconds: remainingSeconds(ctx), relativeGap: ctx.policy.relativeGap });
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
  const proven = out.status === 'optimal' && bound - objective <= 1e-9 * Math.max(1, Math.abs(objective));
  return outcome(set, 'mip', objective, proven ? objective : bound, proven, out.status === 'time_limit', [], `HiGHS MIP ${out.status} in ${out.seconds.toFixed(3)} s (${built.problem.numCols} columns, ${countIntegers(built.problem.integer)} binary)`);
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
    const improved = improveBound({
      ...input,
      relaxed: new Map([...first.relaxed].map(([b, r]) => [b, r.flow] as const)),
      relaxedValue: new Map([...first.relaxed].map(([b, r]) => [b, r.bound] as const)),
      primalValue: new Map(set.blocks.map((b) => [b, valueOf(ctx, core.solutions.get(b)!.cost)] as const)),
      relativeGap: ctx.policy.relativeGap,
    });
    bound = Math.min(bound, improved.bound);
    steps = improved.iterations;
    timedOut ||= improved.timedOut;
    // Lagrangian heuristic: round again from the flows at the best multipliers, and keep each
    // block's better answer where the combination still keeps every rule.
    if (!target(bound) && improved.flows.size > 0 && ctx.solvers.clock() <= ctx.deadline) {
      const again = runFlowCore({ ...input, start: improved.flows });
      timedOut ||= again.timedOut;
      const mixed = bestPerBlock(ctx, set, core, again);
      if (mixed.value > best) {
        core = mixed.core;
        best = mixed.value;
        rounded = mixed.from;
      }
    }
  }
  for (const b of set.blocks) ctx.solutions[b] = core.solutions.get(b)!;
  mergeDecisions(ctx.decisions, core.decisions);
  const objective = best;
  bound = Math.max(objective, bound);
  const proven = bound - objective <= 1e-9 * Math.max(1, Math.abs(objective));
  const detail = `flow core: relaxation bound ${core.relaxationBound.toFixed(3)}, ${steps} Lagrangian steps, rounded from the ${rounded} in ${core.rounds} rounds${note}`;
  return outcome(set, 'flow-core', objective, bound, proven, timedOut, core.unmetFloors, detail);
}

type CoreRun = Pick<ReturnType<typeof runFlowCore>, 'solutions' | 'decisions' | 'relaxationBound' | 'rounds' | 'unmetFloors'>;

/** Each block's better solution of two roundings, if together they keep every rule; else the better whole. */
function bestPerBlock(ctx: SolveContext, set: CoupledSet, a: CoreRun, b: CoreRun): { core: CoreRun; value: number; from: string } {
  const { rules } = ctx.prepared;
  const fromB = new Set(set.blocks.filter((x) => b.solutions.get(x)!.cost < a.solutions.get(x)!.cost));
  const solutions = new Map(set.blocks.map((x) => [x, (fromB.has(x) ? b : a).solutions.get(x)!] as const));
  const flows = ctx.prepared.blockSet.blocks.map((_, x) => solutions.get(x)?.flow ?? new Float64Array(0));
  const whole = valueOfCore(ctx, b, set) > valueOfCore(ctx, a, set) ? { core: b, from: 'Lagrangian multipliers' } : { core: a, from: 'relaxation' };
  if (fromB.size === 0 || fromB.size === set.blocks.length || ruleViolations(rules, flows, String).length > 0) {
    return { ...whole, value: valueOfCore(ctx, whole.core, set) };
  }
  const decisions = emptyDecisions();
  mergeDecisions(decisions, decisionsIn(a.decisions, rules, new Set(set.blocks.filter((x) => !fromB.has(x)))));
  mergeDecisions(decisions, decisionsIn(b.decisions, rules, fromB));
  const core: CoreRun = { ...a, solutions, decisions };
  return { core, value: valueOfCore(ctx, core, set), from: 'relaxation and Lagrangian multipliers, block by block' };
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
