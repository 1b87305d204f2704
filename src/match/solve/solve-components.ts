/**
 * Solve stage: each component network with our exact min-cost-flow solver, each solution checked
 * by its dual certificate, and — on request — each small enough component solved again by an
 * independent LP solver (javascript-lp-solver) to compare objectives.
 *
 * This is the only place the pipeline touches `solver/`.
 */
import { certifyMinCostFlow, solveMinCostFlow } from '../../solver/min-cost-flow/index.js';
import { solveComponentWithJsLp } from './verify-with-lp.js';
import { solveComponentNetwork, type ComponentSolution } from './solve-component.js';
import type { MatchModel } from '../model/build-model.js';
import { solveWithHighs } from '../../solver/lp/highs-mip.js';
import type { FlowNetwork } from '../../solver/min-cost-flow/network.js';
import type { FlowOutcome, PolicySolvers } from '../policy/solver-ports.js';

// Defined beside the function that makes one (solve-component.ts), which a worker loads alone.
export type { ComponentSolution } from './solve-component.js';

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
  const components = model.components.map((component, c) => solveComponentNetwork(component.network, c));
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

/**
 * One network solved and certified, in the shape the policy solve asks for. Lower bounds enter as
 * node supplies, and the solver's exactness condition charges its big-M start cost per unit of
 * supply, so a block with large forced amounts (yuan) can exceed 2^53 at the model's value
 * resolution. Then the costs are coarsened by powers of ten until the solver accepts them: the
 * flow stays feasible and its exact cost is reported, and the coarse potentials, scaled back,
 * still give a valid (slightly weaker) dual bound on the exact network — the certificate then
 * reports the small gap instead of claiming optimality.
 */
function solveCertified(network: FlowNetwork, certify = true): FlowOutcome {
  for (let k = coarseningFor(network); k <= 12; k++) {
    const factor = 10 ** k;
    const net = k === 0 ? network : { ...network, cost: network.cost.map((c) => Math.round(c / factor)) };
    let outcome;
    try {
      outcome = solveMinCostFlow(net);
    } catch (error) {
      if (error instanceof Error && error.message.includes('too large for exact arithmetic')) continue;
      throw error;
    }
    if (outcome.status === 'infeasible') return { status: 'infeasible' };
    if (outcome.status !== 'optimal') throw new Error(`match/solve: flow solve ended ${outcome.status}`);
    const potential = k === 0 ? outcome.potential : outcome.potential.map((p) => p * factor);
    if (!certify) {
      let cost = 0;
      for (let a = 0; a < network.arcCount; a++) cost += network.cost[a]! * outcome.flow[a]!;
      return { status: 'optimal', flow: outcome.flow, potential, cost, certificateOk: false, dualBound: Number.NaN, maxViolation: Number.NaN };
    }
    const cert = certifyMinCostFlow(network, outcome.flow, potential);
    return {
      status: 'optimal',
      flow: outcome.flow,
      potential,
      cost: cert.primalCost,
      certificateOk: cert.ok,
      dualBound: cert.dualBound,
      maxViolation: cert.maxReducedCostViolation,
    };
  }
  throw new Error('match/solve: network too large for exact arithmetic even at coarsened costs');
}

/**
 * The smallest power of ten to divide costs by so that the solver's exactness condition holds
 * (Σ|cost|·capacity + (max|cost| + 1)(nodes + 1)·supply < 2^53, see validate-network.ts), with a
 * margin; a first guess that saves failed attempts (the loop above still checks).
 */
function coarseningFor(network: FlowNetwork): number {
  let maxAbs = 0;
  let costCap = 0;
  for (let a = 0; a < network.arcCount; a++) {
    const c = Math.abs(network.cost[a]!);
    if (c > maxAbs) maxAbs = c;
    costCap += c * network.capacity[a]!;
  }
  let supply = 0;
  for (let v = 0; v < network.nodeCount; v++) if (network.supply[v]! > 0) supply += network.supply[v]!;
  const limit = 0.5 * Number.MAX_SAFE_INTEGER;
  for (let k = 0; k < 12; k++) {
    const f = 10 ** k;
    if (costCap / f + (maxAbs / f + 1) * (network.nodeCount + 1) * supply < limit) return k;
  }
  return 12;
}

/**
 * The solvers a policy run uses (see match/policy/solver-ports.ts): our network simplex with its
 * certificate for every network, HiGHS for the MIPs of small coupled sets. `clock` (ms) serves
 * the run's time limit.
 */
export function policySolvers(clock: () => number): PolicySolvers {
  return {
    flow: solveCertified,
    certify: (network, flow, potential) => {
      const cert = certifyMinCostFlow(network, flow, potential);
      return { ok: cert.ok, dualBound: cert.dualBound, maxViolation: cert.maxReducedCostViolation };
    },
    mip: (problem, limits) => solveWithHighs(problem, limits),
    clock,
  };
}
