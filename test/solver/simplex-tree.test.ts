/**
 * Steps the network simplex one pivot at a time and checks every spanning-tree invariant
 * (thread, subtree sizes, last successors, reduced costs of tree arcs, strong feasibility,
 * arc states) after each pivot, on random networks with negative cycles and degeneracy.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateNetwork } from '../../src/solver/min-cost-flow/validate-network.js';
import { SimplexState } from '../../src/solver/min-cost-flow/simplex-state.js';
import { BlockSearchRule, FirstEligibleRule } from '../../src/solver/min-cost-flow/pivot-rules.js';
import { changeFlow, findJoinNode, findLeavingArc, updateTree } from '../../src/solver/min-cost-flow/simplex-pivot.js';
import { candidatesFirst, markCheapestArcs } from '../../src/solver/min-cost-flow/candidate-arcs.js';
import { flowNetworkArbitrary } from './random-networks.js';
import { treeInvariantViolations } from './tree-invariants.js';

describe('network simplex spanning tree', () => {
  it('keeps all invariants after every pivot', () => {
    fc.assert(
      fc.property(flowNetworkArbitrary({ maxNodes: 12, maxArcs: 40 }), fc.integer({ min: 0, max: 2 }), (net, variant) => {
        const scale = validateNetwork(net);
        const bigM = (scale.maxAbsCost + 1) * (net.nodeCount + 1);
        // Variant 2 prices 1 cheapest arc per node first, so arcs get swapped into the priced block.
        const { order, candidateCount } = candidatesFirst(markCheapestArcs(net, 1));
        const s = variant === 2 ? new SimplexState(net, bigM, order) : new SimplexState(net, bigM);
        expect(treeInvariantViolations(s, net.supply)).toEqual([]);
        const rule =
          variant === 0 ? new FirstEligibleRule() : variant === 1 ? new BlockSearchRule(net.arcCount, 3) : new BlockSearchRule(candidateCount, 3);
        let pivots = 0;
        while (rule.findEnteringArc(s)) {
          findJoinNode(s);
          const treeChanges = findLeavingArc(s);
          changeFlow(s, treeChanges);
          if (treeChanges) updateTree(s);
          expect(treeInvariantViolations(s, net.supply)).toEqual([]);
          expect(++pivots).toBeLessThan(10_000);
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
