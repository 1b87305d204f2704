/**
 * What the Lagrangian bound (lagrangian.ts) is given. In a file of its own so the rows it relaxes
 * (lagrangian-rows.ts) can read it without importing the bound that uses them.
 */
import type { FlowBlock } from './blocks.js';
import type { Bounds } from './bounds.js';
import type { RuleModel } from './rule-model.js';
import type { PolicySolvers } from './solver-ports.js';

export interface LagrangianInput {
  readonly blocks: readonly FlowBlock[];
  readonly ids: readonly number[];
  readonly rules: RuleModel;
  readonly base: Bounds;
  readonly scale: number;
  readonly solvers: PolicySolvers;
  readonly deadline: number;
  /** Flows of the relaxation, per block (rows they satisfy with room are left out). */
  readonly relaxed: ReadonlyMap<number, Float64Array>;
  /** Relaxation value per block (value units): the bound of blocks no row touches. */
  readonly relaxedValue: ReadonlyMap<number, number>;
  /** Value of the best known solution per block (the steps' target). */
  readonly primalValue: ReadonlyMap<number, number>;
  /** Stop once the bound is within this share of the best known solution. */
  readonly relativeGap: number;
  /**
   * Whether the floors are hard. When the best known solution leaves a floor unmet, the problem
   * is "most floors first, then value", and floor rows would bound a different (infeasible)
   * problem: they are left out, which keeps the bound valid.
   */
  readonly floorsHard: boolean;
  readonly maxIterations?: number;
}
