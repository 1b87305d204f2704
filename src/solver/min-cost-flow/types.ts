/**
 * Options and outcomes of the min-cost-flow solvers. Outcomes are data, never exceptions:
 * exceptions are kept for misuse (malformed networks).
 */

/** How the network simplex chooses its entering arc. */
export type PivotRule = 'block-search' | 'first-eligible';

export interface MinCostFlowOptions {
  /** Stop after this many pivots with `status: 'iteration_limit'`. Default: unlimited. */
  readonly maxIterations: number;
  /** Entering-arc rule; block search is the fast default, first-eligible exists for measurement. */
  readonly pivotRule: PivotRule;
  /** Arcs per block of the block-search rule; 0 means `max(10, round(sqrt(priced arcs) / 4))`. */
  readonly blockSize: number;
  /**
   * Block search starts by pricing only each node's this many cheapest outgoing and incoming
   * arcs, and adds the others when they become eligible (see assembly/network-simplex.ts). 0 prices all
   * arcs from the start. The optimum does not depend on it, only the speed.
   */
  readonly candidateArcsPerNode: number;
}

export const defaultMinCostFlowOptions: MinCostFlowOptions = {
  maxIterations: Number.POSITIVE_INFINITY,
  pivotRule: 'block-search',
  blockSize: 0,
  candidateArcsPerNode: 3,
};

/**
 * An optimal flow with its dual proof. `potential` follows the convention
 * reducedCost(a) = cost[a] - potential[tail[a]] + potential[head[a]]: arcs with negative reduced
 * cost are saturated, arcs with positive reduced cost carry no flow (see certificate.ts).
 */
export interface OptimalFlow {
  readonly status: 'optimal';
  readonly flow: Float64Array;
  readonly potential: Float64Array;
  /** Sum of cost × flow, exact while it stays below 2^53. */
  readonly cost: number;
  /** Simplex pivots made (degenerate ones included). */
  readonly iterations: number;
}

/** No flow meets the supplies within the capacities. */
export interface InfeasibleFlow {
  readonly status: 'infeasible';
  readonly iterations: number;
}

/** The pivot budget ran out; the flow so far is a basic solution of the auxiliary problem. */
export interface IterationLimitFlow {
  readonly status: 'iteration_limit';
  readonly iterations: number;
}

export type MinCostFlowOutcome = OptimalFlow | InfeasibleFlow | IterationLimitFlow;
