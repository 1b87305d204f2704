import { describe, expect, it } from 'vitest';
import { solveMinCostFlow, certifyMinCostFlow, type FlowNetwork } from '../../src/solver/min-cost-flow/index.js';
import { solveMinCostFlowWithJsLp } from '../../src/solver/lp/js-lp-oracle.js';

// Found by the pipeline: a source/sink network with a zero-cost bypass (always feasible) and
// large negative costs was reported infeasible. Shape: source 0 → offers → needs → community → sink 1.
const net: FlowNetwork = {
  nodeCount: 8,
  arcCount: 10,
  tail: Int32Array.from([2, 2, 5, 0, 0, 3, 4, 6, 7, 0]),
  head: Int32Array.from([3, 4, 4, 2, 5, 6, 7, 1, 1, 1]),
  capacity: Float64Array.from([30000, 5000, 5000, 100000, 20000, 30000, 5000, 30000, 5000, 120000]),
  cost: Float64Array.from([-7825269, -36627000, -36627000, 0, 0, 0, 0, -2934476, -13735125, 0]),
  supply: Float64Array.from([120000, -120000, 0, 0, 0, 0, 0, 0]),
};

describe('network simplex regression: source/sink with bypass and large negative costs', () => {
  it('is feasible and optimal, with the oracle’s cost and a clean certificate', () => {
    const out = solveMinCostFlow(net);
    expect(out.status).toBe('optimal');
    if (out.status !== 'optimal') return;
    const lp = solveMinCostFlowWithJsLp(net);
    expect(lp.status).toBe('optimal');
    if (lp.status === 'optimal') expect(out.cost).toBe(lp.objective);
    expect(certifyMinCostFlow(net, out.flow, out.potential).ok).toBe(true);
  });
});
