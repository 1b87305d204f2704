/**
 * Primal network simplex for min-cost flow. The pivots run in WebAssembly
 * (assembly/network-simplex.ts: LEMON's data layout, block-search pricing over candidate arcs,
 * strongly feasible trees); this side validates the network, moves it into the core's memory
 * and reads the flow and the potentials back.
 */
import type { FlowNetwork } from './network.js';
import { defaultMinCostFlowOptions, type MinCostFlowOptions, type MinCostFlowOutcome } from './types.js';
import { checkNetworkShape, scaleWithinExactness, validateNetwork, type NetworkScale } from './validate-network.js';
import { CORE_STATUS_INFEASIBLE, releaseLargeCoreMemory, simplexCore, type SimplexCore } from './wasm-core.js';

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
  checkNetworkShape(net);
  const firstEligible = opts.pivotRule === 'first-eligible';
  const candidates = firstEligible ? 0 : Math.max(0, Math.floor(opts.candidateArcsPerNode));
  const core = simplexCore();
  loadNetwork(core, net, candidates);
  const scale = checkedScale(core, net);
  // A simple path in any residual graph costs at most (n − 1)·max|cost| (reversed arcs count
  // with −cost), so M above that makes the artificial arcs the last resort: they carry flow at
  // the end only if nothing else can.
  const artificialCost = (scale.maxAbsCost + 1) * (net.nodeCount + 1);
  core.begin(firstEligible ? 1 : 0, opts.blockSize > 0 ? Math.floor(opts.blockSize) : 0, artificialCost);
  // advance() stops with an entering arc still to pivot on only when the budget ran out.
  const outcome = core.advance(opts.maxIterations) === 0 ? finishedOutcome(core, net) : { status: 'iteration_limit' as const, iterations: core.iterationCount() };
  releaseLargeCoreMemory();
  return outcome;
}

function finishedOutcome(core: SimplexCore, net: FlowNetwork): MinCostFlowOutcome {
  const iterations = core.iterationCount();
  return core.finish() === CORE_STATUS_INFEASIBLE ? { status: 'infeasible', iterations } : optimalOutcome(core, net, iterations);
}

/**
 * The values are checked where they already are, in the core (one pass, compiled); only when it
 * finds a problem does validateNetwork go over them again, to name every offender.
 */
function checkedScale(core: SimplexCore, net: FlowNetwork): NetworkScale {
  if (!core.check()) {
    validateNetwork(net);
    throw new Error('solver/min-cost-flow: the WebAssembly core rejected a network that validateNetwork accepts');
  }
  const sums = { maxAbsCost: core.maxAbsCostOf(), costTimesCapacity: core.costTimesCapacityOf(), capacitySum: core.capacitySumOf(), positiveSupply: core.positiveSupplyOf() };
  return scaleWithinExactness(net.nodeCount, sums);
}

/** Lays the core's memory out for the network and copies its arcs and supplies in. */
function loadNetwork(core: SimplexCore, net: FlowNetwork, candidates: number): void {
  const n = net.nodeCount;
  const m = net.arcCount;
  if (!core.layout(n, m, candidates)) {
    throw new Error(`solver/min-cost-flow: a network of ${n} nodes and ${m} arcs does not fit in WebAssembly's 4 GiB memory`);
  }
  // Views are made after layout: growing the memory replaces its buffer.
  const buffer = core.memory.buffer;
  new Int32Array(buffer, core.sourcePtr(), m).set(net.tail.subarray(0, m));
  new Int32Array(buffer, core.targetPtr(), m).set(net.head.subarray(0, m));
  new Float64Array(buffer, core.capPtr(), m).set(net.capacity.subarray(0, m));
  new Float64Array(buffer, core.costPtr(), m).set(net.cost.subarray(0, m));
  new Float64Array(buffer, core.supplyPtr(), n).set(net.supply.subarray(0, n));
}

function optimalOutcome(core: SimplexCore, net: FlowNetwork, iterations: number): MinCostFlowOutcome {
  const m = net.arcCount;
  const n = net.nodeCount;
  const buffer = core.memory.buffer;
  const flow = new Float64Array(buffer, core.flowOutPtr(), m).slice();
  const pi = new Float64Array(buffer, core.potentialPtr(), n);
  const potential = new Float64Array(n);
  // The core's potentials use LEMON's sign (reduced cost = c + pi[tail] − pi[head]).
  for (let v = 0; v < n; v++) potential[v] = -pi[v]! + 0;
  return { status: 'optimal', flow, potential, cost: core.flowCostOf() + 0, iterations };
}
