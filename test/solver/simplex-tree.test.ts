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
import { flowNetworkArbitrary } from './random-networks.js';
import { treeInvariantViolations } from './tree-invariants.js';

describe('network simplex spanning tree', () => {
  it('keeps all invariants after every pivot', () => {
    fc.assert(
      fc.property(flowNetworkArbitrary({ maxNodes: 12, maxArcs: 40 }), fc.boolean(), (net, block) => {
        const scale = validateNetwork(net);
        const s = new SimplexState(net, (scale.maxAbsCost + 1) * (net.nodeCount + 1));
        expect(treeInvariantViolations(s)).toEqual([]);
        const rule = block ? new BlockSearchRule(3) : new FirstEligibleRule();
        let pivots = 0;
        while (rule.findEnteringArc(s)) {
          findJoinNode(s);
          const treeChanges = findLeavingArc(s);
          changeFlow(s, treeChanges);
          if (treeChanges) updateTree(s);
          expect(treeInvariantViolations(s)).toEqual([]);
          expect(++pivots).toBeLessThan(10_000);
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
