/**
 * What the flow core (flow-core.ts) is given: the set's blocks, its rules and bounds, and the
 * solvers. In a file of its own so the rounding steps (rounding-fixes.ts) can read it without
 * importing the flow core that calls them.
 */
import type { FlowBlock } from './blocks.js';
import type { Bounds } from './bounds.js';
import type { RuleModel } from './rule-model.js';
import type { BlockSolution } from './solve-block.js';
import type { PolicySolvers } from './solver-ports.js';

export interface CoreInput {
  readonly blocks: readonly FlowBlock[];
  readonly ids: readonly number[];
  readonly rules: RuleModel;
  readonly base: Bounds;
  readonly scale: number;
  /** Pair arcs (block-local) into each need, for valuing what a need receives. */
  readonly pairArcsOfNeed: readonly (readonly number[])[];
  readonly solvers: PolicySolvers;
  /** Clock reading (ms) after which no new round starts. */
  readonly deadline: number;
  /** Flows per block to round first instead of the relaxation's (e.g. a Lagrangian solution). */
  readonly start?: ReadonlyMap<number, Float64Array>;
  /** The relaxation's solutions of the set's blocks, when already known (saves re-solving them). */
  readonly relaxedSolutions?: ReadonlyMap<number, BlockSolution>;
  /**
   * Solutions of blocks outside `ids` that rule instances of the set also read (a floor over
   * needs of several forms): they are held fixed, and instances they already keep stay kept.
   */
  readonly frozen?: ReadonlyMap<number, BlockSolution>;
}
