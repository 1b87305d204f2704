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
import { copyBounds } from './bounds.js';
import { coupledSets, type CoupledSet } from './coupled-sets.js';
import { applyDecisions, emptyDecisions, type Decisions } from './decisions.js';
import { block, MIP_TOLERANCE, mergeDecisions, outcome, valueOf, type SetOutcome, type SolveContext } from './set-context.js';
import { solveByCore } from './solve-by-core.js';
import { allRulesActive, buildMip } from './mip-builder.js';
import type { PolicyOptions } from './options.js';
import type { PreparedRules } from './prepare-rules.js';
import { solveBlock, type BlockSolution } from './solve-block.js';
import type { PolicySolvers } from './solver-ports.js';

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
  return solveByCore(ctx, set);
}

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


export { finalBounds, MIP_TOLERANCE, type SetMethod, type SetOutcome } from './set-context.js';
