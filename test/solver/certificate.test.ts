/**
 * The certificate accepts optimal flows with their potentials and rejects spoiled ones:
 * a flow moved along a cycle, a flow breaking conservation or bounds, and shifted potentials.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { certifyMinCostFlow, solveMinCostFlow, type FlowNetwork } from '../../src/solver/min-cost-flow/index.js';
import { flowNetworkArbitrary } from './random-networks.js';

/** 3 parallel routes from 0 to 3 with different costs; the optimum uses the cheap ones. */
function routes(): FlowNetwork {
  return {
    nodeCount: 4,
    arcCount: 6,
    tail: Int32Array.of(0, 1, 0, 2, 0, 3),
    head: Int32Array.of(1, 3, 2, 3, 3, 3),
    capacity: Float64Array.of(4, 4, 4, 4, 4, 2),
    cost: Float64Array.of(1, 1, 2, 2, 9, -1),
    supply: Float64Array.of(6, 0, 0, -6),
  };
}

describe('certifyMinCostFlow', () => {
  it('proves the optimum of a small network', () => {
    const net = routes();
    const out = solveMinCostFlow(net);
    if (out.status !== 'optimal') throw new Error(out.status);
    const cert = certifyMinCostFlow(net, out.flow, out.potential);
    expect(cert).toMatchObject({ ok: true, gap: 0, primalFeasible: true, maxReducedCostViolation: 0, checkedArcs: 6 });
    expect(cert.primalCost).toBe(4 * 2 + 2 * 4 - 2);
  });

  it('rejects a feasible but suboptimal flow (moved onto the expensive route)', () => {
    const net = routes();
    const flow = Float64Array.of(3, 3, 2, 2, 1, 2);
    const out = solveMinCostFlow(net);
    if (out.status !== 'optimal') throw new Error(out.status);
    const cert = certifyMinCostFlow(net, flow, out.potential);
    expect(cert.primalFeasible).toBe(true);
    expect(cert.ok).toBe(false);
    expect(cert.gap).toBeGreaterThan(0);
    expect(cert.maxReducedCostViolation).toBeGreaterThan(0);
  });

  it('rejects flows breaking conservation or bounds', () => {
    const net = routes();
    const out = solveMinCostFlow(net);
    if (out.status !== 'optimal') throw new Error(out.status);
    const leaky = out.flow.slice();
    leaky[1] = leaky[1]! - 1;
    expect(certifyMinCostFlow(net, leaky, out.potential)).toMatchObject({ ok: false, conservationViolations: 2, capacityViolations: 0 });
    const over = out.flow.slice();
    over[5] = 3;
    expect(certifyMinCostFlow(net, over, out.potential)).toMatchObject({ ok: false, capacityViolations: 1 });
  });

  it('rejects perturbed flows and potentials of random optimal solutions', () => {
    let spoiledFlows = 0;
    let spoiledPotentials = 0;
    fc.assert(
      fc.property(flowNetworkArbitrary({ maxNodes: 10, maxArcs: 30 }), fc.nat(), (net, pick) => {
        const out = solveMinCostFlow(net);
        if (out.status !== 'optimal' || net.arcCount === 0) return;
        // Any change of one arc's flow breaks conservation at its ends (unless a self-loop).
        const a = pick % net.arcCount;
        if (net.tail[a] !== net.head[a] && net.capacity[a]! > 0) {
          const flow = out.flow.slice();
          flow[a] = out.flow[a]! > 0 ? out.flow[a]! - 1 : 1;
          expect(certifyMinCostFlow(net, flow, out.potential).ok).toBe(false);
          spoiledFlows++;
        }
        // Raising the potential at an arc's head by more than any reduced cost makes the arc
        // profitable: ok only if it was already saturated.
        const potential = out.potential.slice();
        const h = net.head[a]!;
        if (net.tail[a] !== h && out.flow[a]! < net.capacity[a]!) {
          potential[h] = potential[h]! - 1000;
          const cert = certifyMinCostFlow(net, out.flow, potential);
          expect(cert.ok).toBe(false);
          expect(cert.gap).toBeGreaterThan(0);
          spoiledPotentials++;
        }
      }),
      { numRuns: 200, seed: 11 },
    );
    expect(spoiledFlows).toBeGreaterThan(50);
    expect(spoiledPotentials).toBeGreaterThan(50);
  });
});
