/**
 * Steps the WebAssembly network simplex one pivot at a time and checks every spanning-tree
 * invariant (thread, subtree sizes, last successors, reduced costs of tree arcs, strong
 * feasibility, non-tree arcs at flow 0, conservation) after each pivot, on random networks with
 * negative cycles and degeneracy, under both pricing rules and with and without candidate arcs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateNetwork } from '../../src/solver/min-cost-flow/validate-network.js';
import { simplexCore } from '../../src/solver/min-cost-flow/wasm-core.js';
import type { FlowNetwork } from '../../src/solver/min-cost-flow/index.js';
import { coreTreeView } from './core-tree-view.js';
import { flowNetworkArbitrary } from './random-networks.js';
import { treeInvariantViolations } from './tree-invariants.js';

/** Variant 0: first eligible arc; 1: block search over all arcs; 2: 1 candidate arc per node first (arcs get swapped into the priced block). */
function begin(net: FlowNetwork, variant: number): ReturnType<typeof coreTreeView> {
  const core = simplexCore();
  const scale = validateNetwork(net);
  const bigM = (scale.maxAbsCost + 1) * (net.nodeCount + 1);
  expect(core.layout(net.nodeCount, net.arcCount, variant === 2 ? 1 : 0)).toBe(1);
  const b = core.memory.buffer;
  new Int32Array(b, core.sourcePtr(), net.arcCount).set(net.tail);
  new Int32Array(b, core.targetPtr(), net.arcCount).set(net.head);
  new Float64Array(b, core.capPtr(), net.arcCount).set(net.capacity);
  new Float64Array(b, core.costPtr(), net.arcCount).set(net.cost);
  new Float64Array(b, core.supplyPtr(), net.nodeCount).set(net.supply);
  core.begin(variant === 0 ? 1 : 0, 3, bigM);
  return coreTreeView(core, net.nodeCount, net.arcCount);
}

describe('network simplex spanning tree', () => {
  it('keeps all invariants after every pivot', () => {
    fc.assert(
      fc.property(flowNetworkArbitrary({ maxNodes: 12, maxArcs: 40 }), fc.integer({ min: 0, max: 2 }), (net, variant) => {
        const core = simplexCore();
        const tree = begin(net, variant);
        expect(treeInvariantViolations(tree, net.supply)).toEqual([]);
        let pivots = 0;
        while (core.enter()) {
          core.pivot();
          expect(treeInvariantViolations(tree, net.supply)).toEqual([]);
          expect(++pivots).toBeLessThan(10_000);
        }
        expect(core.iterationCount()).toBe(pivots);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('finds a broken tree (the check is not vacuous)', () => {
    const net: FlowNetwork = {
      nodeCount: 3,
      arcCount: 2,
      tail: Int32Array.of(0, 1),
      head: Int32Array.of(1, 2),
      capacity: Float64Array.of(4, 4),
      cost: Float64Array.of(-1, -1),
      supply: Float64Array.of(2, 0, -2),
    };
    const tree = begin(net, 1);
    expect(treeInvariantViolations(tree, net.supply)).toEqual([]);
    tree.succNum[0] = 2;
    expect(treeInvariantViolations(tree, net.supply).length).toBeGreaterThan(0);
  });
});
