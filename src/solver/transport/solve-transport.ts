/**
 * Solves a transport model exactly: weights → integer costs, network → network simplex,
 * solution → certificate, flow per edge → objective in the model's own units.
 */
import { certifyMinCostFlow } from '../min-cost-flow/certificate.js';
import { solveMinCostFlow } from '../min-cost-flow/network-simplex.js';
import type { MinCostFlowOptions } from '../min-cost-flow/types.js';
import { buildTransportNetwork, type TransportFormulation } from './transport-network.js';
import type { TransportModel } from './transport-model.js';
import { detectWeightScale } from './weight-scale.js';

export interface TransportSolveOptions {
  readonly formulation: TransportFormulation;
  /** Check the dual certificate (one pass over the arcs). */
  readonly certify: boolean;
  /** Milliseconds clock for the timings (e.g. `() => performance.now()`); no clock, no timings. */
  readonly clock?: () => number;
  readonly flow?: Partial<MinCostFlowOptions>;
}

export const defaultTransportSolveOptions: TransportSolveOptions = { formulation: 'circulation', certify: true };

export interface TransportTimings {
  /** Weight scaling and network construction. */
  readonly buildSeconds: number;
  /** The network simplex itself. */
  readonly simplexSeconds: number;
  readonly certifySeconds: number;
}

export type TransportSolution =
  | {
      readonly status: 'optimal';
      /** Σ weight·flow with the model's weights. */
      readonly objective: number;
      /** Flow per edge, integer-valued. */
      readonly flow: Float64Array;
      /** Weights were multiplied by this to get integer costs (100 for 2-decimal weights). */
      readonly weightScale: number;
      /** 0 when the weights scaled exactly; else how far the objective can be from the optimum. */
      readonly objectiveErrorBound: number;
      readonly iterations: number;
      /** Certificate of the integer problem (absent with `certify: false`). */
      readonly certificate?: { readonly ok: boolean; readonly gap: number; readonly maxReducedCostViolation: number };
      /** Build + simplex seconds, i.e. everything after parsing; absent without a clock. */
      readonly seconds?: number;
      readonly timings?: TransportTimings;
    }
  | { readonly status: 'iteration_limit'; readonly iterations: number };

/** Maximises Σ weight·flow of a (validated) transport model. */
export function solveTransport(model: TransportModel, options: Partial<TransportSolveOptions> = {}): TransportSolution {
  const opts = { ...defaultTransportSolveOptions, ...options };
  const clock = opts.clock;
  const t0 = clock?.() ?? 0;
  const scale = detectWeightScale(model.edgeWeight);
  const net = buildTransportNetwork(model, scale.scale, opts.formulation);
  const t1 = clock?.() ?? 0;
  const outcome = solveMinCostFlow(net, opts.flow);
  const t2 = clock?.() ?? 0;
  // Both formulations always have the all-zero flow, so 'infeasible' would be a solver bug.
  if (outcome.status === 'infeasible') throw new Error('solver/transport: network simplex reported an infeasible transport model');
  if (outcome.status === 'iteration_limit') return outcome;
  const certificate = opts.certify ? certifyMinCostFlow(net, outcome.flow, outcome.potential) : undefined;
  const t3 = clock?.() ?? 0;
  const edges = model.edgeOffer.length;
  const flow = outcome.flow.slice(0, edges);
  const objective = scale.exact ? -outcome.cost / scale.scale : modelObjective(model, flow);
  const totalFlow = sumFlow(flow);
  return {
    status: 'optimal',
    objective,
    flow,
    weightScale: scale.scale,
    objectiveErrorBound: 2 * scale.maxRoundingError * totalFlowBound(model, totalFlow),
    iterations: outcome.iterations,
    ...(certificate && { certificate: { ok: certificate.ok, gap: certificate.gap, maxReducedCostViolation: certificate.maxReducedCostViolation } }),
    ...(clock && {
      seconds: (t2 - t0) / 1000,
      timings: { buildSeconds: (t1 - t0) / 1000, simplexSeconds: (t2 - t1) / 1000, certifySeconds: (t3 - t2) / 1000 },
    }),
  };
}

/** Σ weight·flow computed with the original (unscaled) weights. */
export function modelObjective(model: TransportModel, flow: Float64Array): number {
  let sum = 0;
  for (let e = 0; e < flow.length; e++) sum += model.edgeWeight[e]! * flow[e]!;
  return sum;
}

function sumFlow(flow: Float64Array): number {
  let sum = 0;
  for (let e = 0; e < flow.length; e++) sum += flow[e]!;
  return sum;
}

/** Any flow moves at most min(Σ capacity, Σ demand) units; ours moved `used`. */
function totalFlowBound(model: TransportModel, used: number): number {
  let capacity = 0;
  let demand = 0;
  for (const c of model.offerCapacity) capacity += c;
  for (const d of model.needDemand) demand += d;
  return Math.max(used, Math.min(capacity, demand));
}
