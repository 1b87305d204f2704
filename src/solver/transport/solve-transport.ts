/**
 * Solves a transport model exactly: weights → integer costs, each connected component →
 * network → network simplex → certificate, flows per edge → objective in the model's units.
 */
import { certifyMinCostFlow } from '../min-cost-flow/certificate.js';
import { solveMinCostFlow } from '../min-cost-flow/network-simplex.js';
import type { MinCostFlowOptions } from '../min-cost-flow/types.js';
import { splitTransportComponents, type TransportComponent } from './split-components.js';
import { buildTransportNetwork, type TransportFormulation } from './transport-network.js';
import type { TransportModel } from './transport-model.js';
import { detectWeightScale } from './weight-scale.js';

export interface TransportSolveOptions {
  readonly formulation: TransportFormulation;
  /**
   * Solve each connected component on its own when the model has more edges than this (same
   * optimum). Measured: 2.4× less CPU on province (5.6M edges, 13 components), but slower on
   * changzhou and city (24k / 713k edges, 2 components each), hence the default of 1M edges.
   * 0 = always split, Infinity = never.
   */
  readonly splitAboveEdges: number;
  /** Check the dual certificate (one pass over the arcs). */
  readonly certify: boolean;
  /** Milliseconds clock for the timings (e.g. `() => performance.now()`); no clock, no timings. */
  readonly clock?: () => number;
  readonly flow?: Partial<MinCostFlowOptions>;
}

export const defaultTransportSolveOptions: TransportSolveOptions = { formulation: 'circulation', splitAboveEdges: 1_000_000, certify: true };

export interface TransportTimings {
  /** Component split, weight scaling and network construction. */
  readonly buildSeconds: number;
  /** The network simplex itself. */
  readonly simplexSeconds: number;
  readonly certifySeconds: number;
}

export interface TransportCertificate {
  /** Every component's flow is feasible and its potentials prove it optimal. */
  readonly ok: boolean;
  /** Sum of the components' duality gaps, in integer cost units (0 proves optimality). */
  readonly gap: number;
  readonly maxReducedCostViolation: number;
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
      /** Pivots over all components. */
      readonly iterations: number;
      /** Networks solved: 1, or the number of connected components when the model was split. */
      readonly components: number;
      /** Certificate of the integer problem (absent with `certify: false`). */
      readonly certificate?: TransportCertificate;
      /**
       * The network simplex on the built networks (validation, loading into the WebAssembly core,
       * pivots, reading the flow back): the span a C++ solver's `run()` covers. Building the
       * networks is `timings.buildSeconds`; absent without a clock.
       */
      readonly seconds?: number;
      readonly timings?: TransportTimings;
    }
  | { readonly status: 'iteration_limit'; readonly iterations: number };

/** Running totals over the components. */
interface Totals {
  cost: number;
  iterations: number;
  ok: boolean;
  gap: number;
  violation: number;
  build: number;
  simplex: number;
  certify: number;
}

/** Maximises Σ weight·flow of a (validated) transport model. */
export function solveTransport(model: TransportModel, options: Partial<TransportSolveOptions> = {}): TransportSolution {
  const opts = { ...defaultTransportSolveOptions, ...options };
  const now = opts.clock ?? (() => 0);
  const t0 = now();
  const scale = detectWeightScale(model.edgeWeight);
  const split = model.edgeOffer.length > opts.splitAboveEdges;
  const parts: TransportComponent[] = split ? splitTransportComponents(model) : [{ model, edges: identity(model.edgeOffer.length) }];
  const totals: Totals = { cost: 0, iterations: 0, ok: true, gap: 0, violation: 0, build: now() - t0, simplex: 0, certify: 0 };
  const flow = new Float64Array(model.edgeOffer.length);
  for (const part of parts) {
    const partFlow = solvePart(part.model, scale.scale, opts, totals, now);
    if (!partFlow) return { status: 'iteration_limit', iterations: totals.iterations };
    for (let i = 0; i < part.edges.length; i++) flow[part.edges[i]!] = partFlow[i]!;
  }
  const objective = scale.exact ? -totals.cost / scale.scale + 0 : modelObjective(model, flow);
  const seconds = totals.simplex / 1000;
  return {
    status: 'optimal',
    objective,
    flow,
    weightScale: scale.scale,
    objectiveErrorBound: 2 * scale.maxRoundingError * totalFlowBound(model, flow),
    iterations: totals.iterations,
    components: parts.length,
    ...(opts.certify && { certificate: { ok: totals.ok, gap: totals.gap, maxReducedCostViolation: totals.violation } }),
    ...(opts.clock && { seconds, timings: { buildSeconds: totals.build / 1000, simplexSeconds: totals.simplex / 1000, certifySeconds: totals.certify / 1000 } }),
  };
}

/** Solves one component, adds to the totals, returns its flow per edge (null: budget hit). */
function solvePart(part: TransportModel, scale: number, opts: TransportSolveOptions, totals: Totals, now: () => number): Float64Array | null {
  const t0 = now();
  const net = buildTransportNetwork(part, scale, opts.formulation);
  const t1 = now();
  const outcome = solveMinCostFlow(net, opts.flow);
  const t2 = now();
  totals.build += t1 - t0;
  totals.simplex += t2 - t1;
  totals.iterations += outcome.iterations;
  // Both formulations always have the all-zero flow, so 'infeasible' would be a solver bug.
  if (outcome.status === 'infeasible') throw new Error('solver/transport: network simplex reported an infeasible transport model');
  if (outcome.status === 'iteration_limit') return null;
  totals.cost += outcome.cost;
  if (opts.certify) {
    const cert = certifyMinCostFlow(net, outcome.flow, outcome.potential);
    totals.ok &&= cert.ok;
    totals.gap += cert.gap;
    totals.violation = Math.max(totals.violation, cert.maxReducedCostViolation);
    totals.certify += now() - t2;
  }
  return outcome.flow.subarray(0, part.edgeOffer.length);
}

function identity(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/** Σ weight·flow computed with the original (unscaled) weights. */
export function modelObjective(model: TransportModel, flow: Float64Array): number {
  let sum = 0;
  for (let e = 0; e < flow.length; e++) sum += model.edgeWeight[e]! * flow[e]!;
  return sum;
}

/** Any flow moves at most min(Σ capacity, Σ demand) units (and ours moved Σ flow). */
function totalFlowBound(model: TransportModel, flow: Float64Array): number {
  let used = 0;
  for (let e = 0; e < flow.length; e++) used += flow[e]!;
  let capacity = 0;
  let demand = 0;
  for (const c of model.offerCapacity) capacity += c;
  for (const d of model.needDemand) demand += d;
  return Math.max(used, Math.min(capacity, demand));
}
