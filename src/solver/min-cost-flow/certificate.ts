/**
 * An optimality certificate for a min-cost flow, checked from scratch: feasibility of the flow
 * and LP duality with the node potentials. Independent of how the flow was found.
 */
import type { FlowNetwork } from './network.js';

/** What {@link certifyMinCostFlow} found. With integer data every number here is exact. */
export interface FlowCertificate {
  /** No bound and no conservation violation. */
  readonly primalFeasible: boolean;
  /** Arcs with flow outside [0, capacity] (or not a number). */
  readonly capacityViolations: number;
  /** Nodes where outflow − inflow differs from the supply. */
  readonly conservationViolations: number;
  /** Σ cost·flow. */
  readonly primalCost: number;
  /**
   * The LP dual objective of the potentials: Σ supply·π + Σ capacity·min(0, reducedCost).
   * A lower bound on the cost of every feasible flow (weak duality).
   */
  readonly dualBound: number;
  /** primalCost − dualBound; 0 with a feasible flow proves the flow optimal. */
  readonly gap: number;
  /**
   * Largest |reduced cost| of an arc breaking complementary slackness (negative reduced cost but
   * not saturated, or positive reduced cost but carrying flow); 0 when none does.
   */
  readonly maxReducedCostViolation: number;
  readonly checkedArcs: number;
  /** Feasible, and gap and slackness violations within `tolerance`. */
  readonly ok: boolean;
}

/**
 * Checks a flow and potentials against a network. Reduced cost convention:
 * rc(a) = cost[a] − potential[tail[a]] + potential[head[a]].
 *
 * @param tolerance allowed gap/violation for non-integer data (default 0: exact).
 */
export function certifyMinCostFlow(
  net: FlowNetwork,
  flow: Float64Array,
  potential: Float64Array,
  tolerance = 0,
): FlowCertificate {
  const { arcCount: m, nodeCount: n, tail, head, capacity, cost } = net;
  if (flow.length !== m || potential.length !== n) {
    throw new Error(`solver/min-cost-flow: certificate needs ${m} flows and ${n} potentials, got ${flow.length} and ${potential.length}`);
  }
  const balance = new Float64Array(n);
  let capacityViolations = 0;
  let primalCost = 0;
  let arcDual = 0;
  let maxReducedCostViolation = 0;
  for (let a = 0; a < m; a++) {
    const x = flow[a]!, u = capacity[a]!, t = tail[a]!, h = head[a]!;
    if (!(x >= 0 && x <= u)) capacityViolations++;
    balance[t] = balance[t]! + x;
    balance[h] = balance[h]! - x;
    primalCost += cost[a]! * x;
    const rc = cost[a]! - potential[t]! + potential[h]!;
    if (rc < 0) {
      arcDual += u * rc;
      if (x < u && -rc > maxReducedCostViolation) maxReducedCostViolation = -rc;
    } else if (rc > 0 && x > 0 && rc > maxReducedCostViolation) {
      maxReducedCostViolation = rc;
    } else if (Number.isNaN(rc)) {
      maxReducedCostViolation = Number.NaN;
    }
  }
  let conservationViolations = 0;
  let nodeDual = 0;
  for (let v = 0; v < n; v++) {
    if (Math.abs(balance[v]! - net.supply[v]!) > tolerance || Number.isNaN(balance[v]!)) conservationViolations++;
    nodeDual += net.supply[v]! * potential[v]!;
  }
  const dualBound = nodeDual + arcDual;
  const gap = primalCost - dualBound;
  const primalFeasible = capacityViolations === 0 && conservationViolations === 0;
  const scale = Math.max(1, Math.abs(primalCost));
  const ok = primalFeasible && Math.abs(gap) <= tolerance * scale && maxReducedCostViolation <= tolerance;
  return {
    primalFeasible,
    capacityViolations,
    conservationViolations,
    primalCost,
    dualBound,
    gap,
    maxReducedCostViolation,
    checkedArcs: m,
    ok,
  };
}
