/**
 * What the set solvers share: the run's solve context, a set's outcome, and small helpers.
 */
import type { FlowBlock } from './blocks.js';
import { copyBounds, type Bounds } from './bounds.js';
import type { CoupledSet } from './coupled-sets.js';
import { applyDecisions, type Decisions } from './decisions.js';
import type { PolicyOptions } from './options.js';
import type { PreparedRules } from './prepare-rules.js';
import type { BlockSolution } from './solve-block.js';
import type { PolicySolvers } from './solver-ports.js';
import type { SetMethod } from './report-types.js';

export type { SetMethod } from './report-types.js';


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

export interface SolveContext {
  readonly prepared: PreparedRules;
  readonly policy: PolicyOptions;
  readonly scale: number;
  readonly solvers: PolicySolvers;
  readonly deadline: number;
  readonly solutions: BlockSolution[];
  readonly decisions: Decisions;
}

export const valueOf = (ctx: SolveContext, cost: number) => -cost / ctx.scale;

export function block(ctx: SolveContext, b: number): FlowBlock {
  return ctx.prepared.blockSet.blocks[b]!;
}

export function outcome(set: CoupledSet, method: SetMethod, objective: number, bound: number, proven: boolean, timeLimitReached: boolean, unmetFloors: readonly number[], detail: string): SetOutcome {
  return { blocks: set.blocks, arcs: set.arcs, method, objective, bound, proven, timeLimitReached, unmetFloors, detail };
}

export function mergeDecisions(into: Decisions, from: Decisions): void {
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
