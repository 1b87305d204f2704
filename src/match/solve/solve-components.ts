/**
 * Solve stage: each component network with our exact min-cost-flow solver, each solution checked
 * by its dual certificate, and — on request — each small enough component solved again by an
 * independent LP solver (javascript-lp-solver) to compare objectives.
 *
 * This is the only place the pipeline touches `solver/`.
 */
import { certifyMinCostFlow, solveMinCostFlow } from '../../solver/min-cost-flow/index.js';
import { solveComponentWithJsLp } from './verify-with-lp.js';
import type { MatchModel } from '../model/build-model.js';

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

export interface Verification {
  /** Sum of the oracle's optimal costs over the components it solved. */
  readonly oracleCost: number;
  /** Sum of our costs over the same components. */
  readonly ourCost: number;
  readonly agrees: boolean;
  readonly componentsChecked: number;
  readonly componentsSkipped: number;
}

export interface SolvedModel {
  readonly components: readonly ComponentSolution[];
  readonly verification?: Verification;
}

export interface SolveStageOptions {
  readonly verify: boolean;
  /** Components with more arcs than this are not given to the (dense, slow) oracle. */
  readonly verifyMaxArcs: number;
}

export const defaultSolveStageOptions: SolveStageOptions = { verify: false, verifyMaxArcs: 30_000 };

/** Solves and certifies every component. Throws only on a solver bug (a component infeasible). */
export function solveComponents(model: MatchModel, options: SolveStageOptions = defaultSolveStageOptions): SolvedModel {
  const components = model.components.map((component, c) => {
    const outcome = solveMinCostFlow(component.network);
    // Every component is a circulation that may stay empty, so infeasibility or a budget stop is a bug.
    if (outcome.status !== 'optimal') throw new Error(`match/solve: component ${c} ended ${outcome.status}`);
    const cert = certifyMinCostFlow(component.network, outcome.flow, outcome.potential);
    return {
      flow: outcome.flow,
      potential: outcome.potential,
      cost: outcome.cost,
      dualBound: cert.dualBound,
      certificateOk: cert.ok,
      maxViolation: cert.maxReducedCostViolation,
      checkedArcs: cert.checkedArcs,
    };
  });
  if (!options.verify) return { components };
  return { components, verification: verifyWithOracle(model, components, options.verifyMaxArcs) };
}

function verifyWithOracle(model: MatchModel, ours: readonly ComponentSolution[], maxArcs: number): Verification {
  let oracleCost = 0;
  let ourCost = 0;
  let checked = 0;
  let skipped = 0;
  let agrees = true;
  model.components.forEach((component, c) => {
    if (component.network.arcCount > maxArcs) {
      skipped++;
      return;
    }
    const lp = solveComponentWithJsLp(component, model.scale);
    const mine = ours[c]!.cost;
    checked++;
    if (lp.status !== 'optimal') {
      agrees = false;
      return;
    }
    // The oracle maximises value; ours minimises integer cost = −value · scale.
    const oracle = -lp.objective * model.scale;
    oracleCost += oracle;
    ourCost += mine;
    if (Math.abs(oracle - mine) > 1e-6 * Math.max(1, Math.abs(mine))) agrees = false;
  });
  return { oracleCost, ourCost, agrees, componentsChecked: checked, componentsSkipped: skipped };
}
