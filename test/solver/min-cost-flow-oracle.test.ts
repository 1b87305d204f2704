/**
 * The network simplex against an independent LP solver (javascript-lp-solver) on random small
 * networks, with every optimal answer re-checked by the certificate.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { certifyMinCostFlow, solveMinCostFlow } from '../../src/solver/min-cost-flow/index.js';
import { solveFlowAsLp } from '../../src/solver/lp/index.js';
import { flowNetworkArbitrary } from './random-networks.js';

describe('solveMinCostFlow agrees with javascript-lp-solver', () => {
  it('on networks whose costs are all <= 0 (big-M must cover reversed arcs)', () => {
    fc.assert(
      fc.property(flowNetworkArbitrary({ maxNodes: 10, maxArcs: 30, minCost: -50, maxCost: 0 }), (net) => {
        const ours = solveMinCostFlow(net);
        const oracle = solveFlowAsLp(net);
        expect(ours.status).toBe(oracle.status);
        if (ours.status === 'optimal' && oracle.status === 'optimal') expect(ours.cost).toBeCloseTo(oracle.cost, 6);
      }),
      { numRuns: 200, seed: 5 },
    );
  });

  it.each([
    ['block search, 3 candidate arcs per node (default)', { pivotRule: 'block-search', candidateArcsPerNode: 3 }],
    ['block search, 1 candidate arc per node', { pivotRule: 'block-search', candidateArcsPerNode: 1 }],
    ['block search over all arcs', { pivotRule: 'block-search', candidateArcsPerNode: 0 }],
    ['first eligible', { pivotRule: 'first-eligible' }],
  ] as const)('on random networks (%s)', (_name, options) => {
    let optimal = 0;
    let infeasible = 0;
    fc.assert(
      fc.property(flowNetworkArbitrary(), (net) => {
        const ours = solveMinCostFlow(net, options);
        const oracle = solveFlowAsLp(net);
        if (oracle.status === 'optimal') {
          optimal++;
          expect(ours.status).toBe('optimal');
          if (ours.status !== 'optimal') return;
          expect(Math.abs(ours.cost - oracle.cost)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(oracle.cost)));
          expect(Number.isInteger(ours.cost)).toBe(true);
          for (const x of ours.flow) expect(Number.isInteger(x)).toBe(true);
          const cert = certifyMinCostFlow(net, ours.flow, ours.potential);
          expect(cert.ok).toBe(true);
          expect(cert.gap).toBe(0);
          expect(cert.primalCost).toBe(ours.cost);
        } else {
          infeasible++;
          expect(oracle.status).toBe('infeasible');
          expect(ours.status).toBe('infeasible');
        }
      }),
      { numRuns: 250, seed: 20240611 },
    );
    // The generator must exercise both outcomes, or the property above proves little.
    expect(optimal).toBeGreaterThan(100);
    expect(infeasible).toBeGreaterThan(20);
  });
});
