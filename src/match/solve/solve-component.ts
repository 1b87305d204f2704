/**
 * One component network solved by our network simplex and checked by its dual certificate: the
 * unit of work of the solve stage, in-process (solve-components.ts) or on a worker thread
 * (jobs/component-worker.ts). Kept apart from solve-components.ts so a worker loads only the flow
 * solver (not the LP and MIP adapters the verification and policy paths bring in).
 */
import { certifyMinCostFlow, solveMinCostFlow } from '../../solver/min-cost-flow/index.js';
import type { FlowNetwork } from '../../solver/min-cost-flow/network.js';

/** One component's optimal flow, its potentials and what its certificate found. */
export interface ComponentSolution {
  readonly flow: Float64Array;
  readonly potential: Float64Array;
  /** Integer cost of the solution, and the dual bound the potentials prove. */
  readonly cost: number;
  readonly dualBound: number;
  readonly certificateOk: boolean;
  readonly maxViolation: number;
  readonly checkedArcs: number;
}

/** Solves and certifies one component; throws only on a solver bug (the circulation is always feasible). */
export function solveComponentNetwork(network: FlowNetwork, label: number): ComponentSolution {
  const outcome = solveMinCostFlow(network);
  // Every component is a circulation that may stay empty, so infeasibility or a budget stop is a bug.
  if (outcome.status !== 'optimal') throw new Error(`match/solve: component ${label} ended ${outcome.status}`);
  const cert = certifyMinCostFlow(network, outcome.flow, outcome.potential);
  return {
    flow: outcome.flow,
    potential: outcome.potential,
    cost: outcome.cost,
    dualBound: cert.dualBound,
    certificateOk: cert.ok,
    maxViolation: cert.maxReducedCostViolation,
    checkedArcs: cert.checkedArcs,
  };
}
