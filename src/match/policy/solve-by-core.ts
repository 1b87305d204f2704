/**
 * A coupled set too large for an exact MIP, solved by the flow core: a first rounding from the
 * relaxation, then stages of Lagrangian steps each followed by a rounding from the flows at the
 * best multipliers (only the blocks the multipliers moved; a better answer also aims the next
 * steps), until the set is within its gap target, the deadline, or no progress. The answer's
 * blocks are certified once at the end, under the bounds of its choices.
 */
import { decisionsIn, emptyDecisions } from './decisions.js';
import { runFlowCore } from './flow-core.js';
import { LagrangianSession } from './lagrangian.js';
import type { CoupledSet } from './coupled-sets.js';
import { isMet, ruleViolations } from './rule-state.js';
import { certifyBlock, type BlockSolution } from './solve-block.js';
import { block, finalBounds, mergeDecisions, outcome, valueOf, type SetOutcome, type SolveContext } from './set-context.js';

export function solveByCore(ctx: SolveContext, set: CoupledSet): SetOutcome {
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
  const detail = `flow core: relaxation bound ${first.relaxationBound.toFixed(3)}, ${steps} Lagrangian steps, rounded from the ${rounded} in ${core.rounds} rounds`;
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

