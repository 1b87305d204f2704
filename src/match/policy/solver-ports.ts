/**
 * What the policy solve needs from solvers, as plain function types. `match/solve` passes the
 * implementations in (our network simplex, HiGHS), so this folder imports no solver and stays
 * testable with any of them.
 */
import type { FlowNetwork } from '../../solver/min-cost-flow/network.js';

/** An optimal flow with potentials (reduced cost = cost − π[tail] + π[head]), or no feasible flow. */
export type FlowOutcome =
  | {
      readonly status: 'optimal';
      readonly flow: Float64Array;
      readonly potential: Float64Array;
      readonly cost: number;
      /** Whether the dual certificate checked out, its dual bound and largest violation. */
      readonly certificateOk: boolean;
      readonly dualBound: number;
      readonly maxViolation: number;
    }
  | { readonly status: 'infeasible' };

/**
 * A mixed-integer program: maximise colCost·x + offset subject to rowLower <= A x <= rowUpper
 * (A in compressed rows) and colLower <= x <= colUpper, x integer where `integer` is 1.
 */
export interface MipProblem {
  readonly numCols: number;
  readonly numRows: number;
  readonly colCost: Float64Array;
  readonly colLower: Float64Array;
  readonly colUpper: Float64Array;
  readonly integer: Uint8Array;
  readonly rowStart: Int32Array;
  readonly rowIndex: Int32Array;
  readonly rowValue: Float64Array;
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
}

export interface MipLimits {
  readonly timeLimitSeconds: number;
  readonly relativeGap: number;
}

/** A MIP solver's answer; `bound` is a proven upper bound on the maximum. */
export type MipOutcome =
  | { readonly status: 'optimal' | 'time_limit'; readonly values: Float64Array; readonly objective: number; readonly bound: number; readonly seconds: number }
  | { readonly status: 'infeasible'; readonly seconds: number }
  | { readonly status: 'no_solution'; readonly bound: number; readonly seconds: number }
  | { readonly status: 'error'; readonly message: string; readonly seconds: number };

/** The dual certificate of a flow with potentials (see solver/min-cost-flow/certificate.ts). */
export interface FlowCheck {
  readonly ok: boolean;
  readonly dualBound: number;
  readonly maxViolation: number;
}

export interface PolicySolvers {
  /** Solves a network; with `certify` false the certificate fields are not computed (NaN, false). */
  readonly flow: (network: FlowNetwork, certify?: boolean) => FlowOutcome;
  readonly certify: (network: FlowNetwork, flow: Float64Array, potential: Float64Array) => FlowCheck;
  readonly mip: (problem: MipProblem, limits: MipLimits) => MipOutcome;
  /** Milliseconds, for the run's time budget (the pipeline never reads the clock itself). */
  readonly clock: () => number;
}
