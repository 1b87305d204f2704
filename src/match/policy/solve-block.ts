/**
 * One block solved exactly under its arc bounds by the flow solver: the flow with its lower bounds
 * added back, potentials, the integer cost and the dual bound its certificate proves.
 */
import type { FlowBlock } from './blocks.js';
import { boundedNetwork } from './bounds.js';
import type { PolicySolvers } from './solver-ports.js';

export interface BlockSolution {
  readonly flow: Float64Array;
  readonly potential: Float64Array;
  /** Σ cost · flow (integer cost units). */
  readonly cost: number;
  /** Lower bound on the cost proven by the potentials (equal to `cost` when certified optimal). */
  readonly dualBound: number;
  readonly certificateOk: boolean;
  readonly maxViolation: number;
}

/**
 * Solves a block under bounds; undefined when no flow meets the lower bounds. Without `certify`
 * the dual bound is NaN and the certificate not checked (see certifyBlock).
 */
export function solveBlock(block: FlowBlock, lower: Float64Array, upper: Float64Array, solvers: PolicySolvers, certify = true): BlockSolution | undefined {
  const bounded = boundedNetwork(block, lower, upper);
  if (!bounded) return undefined;
  const out = solvers.flow(bounded.network, certify);
  if (out.status !== 'optimal') return undefined;
  const flow = out.flow.slice();
  for (let a = 0; a < flow.length; a++) flow[a] = flow[a]! + lower[a]!;
  return {
    flow,
    potential: out.potential,
    cost: out.cost + bounded.constant,
    dualBound: out.dualBound + bounded.constant,
    certificateOk: out.certificateOk,
    maxViolation: out.maxViolation,
  };
}

/** Checks a block solution's certificate under the bounds it was solved with (fills dualBound). */
export function certifyBlock(block: FlowBlock, lower: Float64Array, upper: Float64Array, solution: BlockSolution, solvers: PolicySolvers): BlockSolution {
  if (!Number.isNaN(solution.dualBound)) return solution;
  const bounded = boundedNetwork(block, lower, upper);
  if (!bounded) throw new Error('match/policy: a solution\'s bounds are inconsistent');
  const shifted = solution.flow.slice();
  for (let a = 0; a < shifted.length; a++) shifted[a] = shifted[a]! - lower[a]!;
  const check = solvers.certify(bounded.network, shifted, solution.potential);
  return { ...solution, dualBound: check.dualBound + bounded.constant, certificateOk: check.ok, maxViolation: check.maxViolation };
}
