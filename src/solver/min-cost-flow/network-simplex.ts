/**
 * Primal network simplex for min-cost flow (after Dantzig; the data layout follows LEMON's
 * NetworkSimplex: typed arrays for the spanning tree, block-search pricing, artificial root
 * with a big-M start basis, strongly feasible trees against cycling).
 */
import type { FlowNetwork } from './network.js';
import { candidatesFirst, markCheapestArcs } from './candidate-arcs.js';
import { BlockSearchRule, FirstEligibleRule, type PivotRuleRunner } from './pivot-rules.js';
import { changeFlow, findJoinNode, findLeavingArc, updateTree } from './simplex-pivot.js';
import { SimplexState } from './simplex-state.js';
import { defaultMinCostFlowOptions, type MinCostFlowOptions, type MinCostFlowOutcome } from './types.js';
import { validateNetwork } from './validate-network.js';

/**
 * Solves min Σ cost·flow subject to 0 <= flow <= capacity and, at every node,
 * outflow − inflow = supply. Exact for integer data (see validate-network.ts for the size
 * bound) and deterministic: the same network gives the same flow, bit for bit.
 * Pivots do not depend on the size of capacities, only on the network's structure.
 *
 * Throws `Error('solver/min-cost-flow: ...')` on malformed input (NaN, fractions, negative
 * capacity, supplies not summing to 0, numbers too large for exact arithmetic).
 *
 * @example
 * const b = new FlowNetworkBuilder(2);
 * b.setSupply(0, 2); b.setSupply(1, -2);
 * b.addArc(0, 1, 5, 3);
 * const out = solveMinCostFlow(b.build()); // {status: 'optimal', cost: 6, flow: [2], ...}
 */
export function solveMinCostFlow(net: FlowNetwork, options: Partial<MinCostFlowOptions> = {}): MinCostFlowOutcome {
  const opts = { ...defaultMinCostFlowOptions, ...options };
  const scale = validateNetwork(net);
  // A simple path in any residual graph costs at most (n − 1)·max|cost| (reversed arcs count
  // with −cost), so M above that makes the artificial arcs the last resort: they carry flow at
  // the end only if nothing else can.
  const artificialCost = (scale.maxAbsCost + 1) * (net.nodeCount + 1);
  const { state: s, rule } = prepare(net, artificialCost, opts);
  let iterations = 0;
  while (rule.findEnteringArc(s)) {
    if (iterations >= opts.maxIterations) return { status: 'iteration_limit', iterations };
    iterations++;
    findJoinNode(s);
    const treeChanges = findLeavingArc(s);
    changeFlow(s, treeChanges);
    if (treeChanges) updateTree(s);
  }
  return extractOutcome(s, net, iterations);
}

function prepare(net: FlowNetwork, artificialCost: number, opts: MinCostFlowOptions): { state: SimplexState; rule: PivotRuleRunner } {
  if (opts.pivotRule === 'first-eligible') return { state: new SimplexState(net, artificialCost), rule: new FirstEligibleRule() };
  const block = opts.blockSize > 0 ? Math.floor(opts.blockSize) : 0;
  const k = Math.max(0, Math.floor(opts.candidateArcsPerNode));
  if (k === 0) return { state: new SimplexState(net, artificialCost), rule: new BlockSearchRule(net.arcCount, block) };
  const { order, candidateCount } = candidatesFirst(markCheapestArcs(net, k));
  return { state: new SimplexState(net, artificialCost, order), rule: new BlockSearchRule(candidateCount, block) };
}

function extractOutcome(s: SimplexState, net: FlowNetwork, iterations: number): MinCostFlowOutcome {
  const m = net.arcCount;
  const n = net.nodeCount;
  for (let e = m; e < m + n; e++) {
    if (s.flow[e] !== 0) return { status: 'infeasible', iterations };
  }
  const flow = new Float64Array(m);
  for (let i = 0; i < m; i++) flow[s.arcOrder[i]!] = s.networkFlow(i);
  const potential = new Float64Array(n);
  // Internal potentials use LEMON's sign (reduced cost = c + pi[tail] − pi[head]).
  for (let v = 0; v < n; v++) potential[v] = -s.pi[v]! + 0;
  let cost = 0;
  for (let a = 0; a < m; a++) cost += net.cost[a]! * flow[a]!;
  return { status: 'optimal', flow, potential, cost, iterations };
}
