/**
 * Named edge cases of the network simplex: empty and degenerate networks, negative cycles,
 * infeasible supplies, misuse, determinism and huge capacities.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FlowNetworkBuilder,
  certifyMinCostFlow,
  solveMinCostFlow,
  type FlowNetwork,
  type OptimalFlow,
} from '../../src/solver/min-cost-flow/index.js';
import { solveFlowAsLp } from '../../src/solver/lp/index.js';
import { cloneNetwork, flowNetworkArbitrary } from './random-networks.js';

function network(nodes: number, supplies: Record<number, number>, arcs: Array<[number, number, number, number]>): FlowNetwork {
  const b = new FlowNetworkBuilder(nodes);
  for (const [v, s] of Object.entries(supplies)) b.setSupply(Number(v), s);
  for (const [t, h, u, c] of arcs) b.addArc(t, h, u, c);
  return b.build();
}

function solveOptimal(net: FlowNetwork): OptimalFlow {
  const out = solveMinCostFlow(net);
  if (out.status !== 'optimal') throw new Error(`expected optimal, got ${out.status}`);
  const cert = certifyMinCostFlow(net, out.flow, out.potential);
  expect(cert.ok).toBe(true);
  expect(cert.gap).toBe(0);
  return out;
}

function oracleCost(net: FlowNetwork): number {
  const lp = solveFlowAsLp(net);
  if (lp.status !== 'optimal') throw new Error(`oracle: ${lp.status}`);
  return lp.cost;
}

describe('solveMinCostFlow edge cases', () => {
  it('solves networks without nodes or arcs', () => {
    expect(solveOptimal(network(0, {}, [])).cost).toBe(0);
    const isolated = solveOptimal(network(3, {}, []));
    expect(isolated.flow.length).toBe(0);
    expect(isolated.potential.length).toBe(3);
  });

  it('reports supplies that cannot reach their demands as infeasible', () => {
    expect(solveMinCostFlow(network(2, { 0: 3, 1: -3 }, [])).status).toBe('infeasible');
    expect(solveMinCostFlow(network(2, { 0: 3, 1: -3 }, [[0, 1, 2, 1]])).status).toBe('infeasible');
    expect(solveMinCostFlow(network(3, { 0: 1, 1: -1 }, [[1, 0, 5, 1], [0, 2, 5, 1]])).status).toBe('infeasible');
  });

  it('ignores zero-capacity arcs, however cheap', () => {
    const out = solveOptimal(network(2, { 0: 2, 1: -2 }, [[0, 1, 0, -100], [0, 1, 5, 3]]));
    expect(Array.from(out.flow)).toEqual([0, 2]);
    expect(out.cost).toBe(6);
  });

  it('fills parallel arcs cheapest first', () => {
    const out = solveOptimal(network(2, { 0: 7, 1: -7 }, [[0, 1, 3, 5], [0, 1, 3, 1], [0, 1, 3, 2]]));
    expect(Array.from(out.flow)).toEqual([1, 3, 3]);
  });

  it('saturates a negative-cost cycle with zero supplies (max-value circulation)', () => {
    const net = network(3, {}, [[0, 1, 4, -5], [1, 2, 6, 1], [2, 0, 3, 1], [1, 0, 10, 2]]);
    const out = solveOptimal(net);
    expect(out.cost).toBe(oracleCost(net));
    expect(out.cost).toBeLessThan(0);
    expect(out.flow[0]).toBe(4);
  });

  it('saturates negative self-loops and leaves positive ones empty', () => {
    const out = solveOptimal(network(1, {}, [[0, 0, 4, -2], [0, 0, 9, 3]]));
    expect(Array.from(out.flow)).toEqual([4, 0]);
    expect(out.cost).toBe(-8);
  });

  it('handles all-equal costs (every solution ties)', () => {
    const arcs: Array<[number, number, number, number]> = [];
    for (let i = 0; i < 6; i++) for (let j = 6; j < 12; j++) arcs.push([i, j, 2, 4]);
    const supplies: Record<number, number> = {};
    for (let i = 0; i < 6; i++) supplies[i] = 2;
    for (let j = 6; j < 12; j++) supplies[j] = -2;
    const out = solveOptimal(network(12, supplies, arcs));
    expect(out.cost).toBe(48);
  });

  it('solves one long path component (deep trees)', () => {
    const n = 2000;
    const arcs: Array<[number, number, number, number]> = [];
    for (let v = 0; v + 1 < n; v++) arcs.push([v, v + 1, 10, (v % 7) - 3]);
    for (let v = 0; v + 2 < n; v += 3) arcs.push([v + 2, v, 4, 1]);
    const net = network(n, { 0: 10, [n - 1]: -10 }, arcs);
    const out = solveOptimal(net);
    expect(out.flow[0]).toBe(10);
  });
});

describe('solveMinCostFlow determinism and scale', () => {
  it('returns identical arrays for the same input', () => {
    fc.assert(
      fc.property(flowNetworkArbitrary({ maxNodes: 15, maxArcs: 60 }), (net) => {
        const a = solveMinCostFlow(net);
        const b = solveMinCostFlow(cloneNetwork(net));
        expect(b).toEqual(a);
      }),
      { numRuns: 50, seed: 3 },
    );
  });

  it('needs no more pivots for capacities ~1e6 than the structure demands', () => {
    const small = transportLike(1);
    const huge = transportLike(1_000_000);
    const outSmall = solveOptimal(small);
    const outHuge = solveOptimal(huge);
    // Pivots depend on the structure, never on the amount pushed per pivot.
    expect(outHuge.iterations).toBeLessThan(3 * (huge.arcCount + huge.nodeCount));
    expect(outHuge.iterations).toBeLessThan(5 * outSmall.iterations + 100);
    expect(outHuge.cost).toBe(oracleCost(huge));
  });

  it('stops at the iteration budget', () => {
    const net = transportLike(10);
    const out = solveMinCostFlow(net, { maxIterations: 3 });
    expect(out).toEqual({ status: 'iteration_limit', iterations: 3 });
  });
});

/** 12 sources × 12 sinks with all pairs, capacities scaled by `unit` (up to ~1e7). */
function transportLike(unit: number): FlowNetwork {
  const b = new FlowNetworkBuilder(24);
  let total = 0;
  for (let i = 0; i < 12; i++) {
    const s = unit * (3 + ((i * 7) % 5));
    b.setSupply(i, s);
    total += s;
  }
  for (let j = 0; j < 12; j++) b.setSupply(12 + j, j < 11 ? -Math.floor(total / 12) : -(total - 11 * Math.floor(total / 12)));
  for (let i = 0; i < 12; i++) {
    for (let j = 0; j < 12; j++) b.addArc(i, 12 + j, unit * (1 + ((i + 2 * j) % 4)) * 3, ((i * 31 + j * 17) % 23) - 5);
  }
  return b.build();
}

describe('solveMinCostFlow rejects misuse', () => {
  const base = (): FlowNetworkBuilder => {
    const b = new FlowNetworkBuilder(2);
    b.setSupply(0, 1);
    b.setSupply(1, -1);
    return b;
  };
  it.each([
    ['NaN cost', (b: FlowNetworkBuilder) => b.addArc(0, 1, 1, Number.NaN), /cost NaN/],
    ['fractional cost', (b: FlowNetworkBuilder) => b.addArc(0, 1, 1, 0.5), /cost 0.5/],
    ['negative capacity', (b: FlowNetworkBuilder) => b.addArc(0, 1, -1, 0), /capacity -1/],
    ['infinite capacity', (b: FlowNetworkBuilder) => b.addArc(0, 1, Number.POSITIVE_INFINITY, 0), /capacity Infinity/],
    ['unbalanced supplies', (b: FlowNetworkBuilder) => b.setSupply(1, -2), /supplies sum to -1/],
    ['fractional supply', (b: FlowNetworkBuilder) => b.setSupply(1, -0.5), /supply -0.5/],
    ['inexact magnitudes', (b: FlowNetworkBuilder) => b.addArc(0, 1, 2 ** 40, 2 ** 20), /too large/],
  ])('%s', (_name, spoil, message) => {
    const b = base();
    spoil(b);
    expect(() => solveMinCostFlow(b.build())).toThrow(message);
    expect(() => solveMinCostFlow(b.build())).toThrow(/^solver\/min-cost-flow: /);
  });

  it('rejects arcs whose nodes are out of range', () => {
    const net = { ...base().build(), arcCount: 1, tail: Int32Array.of(0), head: Int32Array.of(5), capacity: Float64Array.of(1), cost: Float64Array.of(0) };
    expect(() => solveMinCostFlow(net)).toThrow(/outside 0\.\.1/);
  });
});
