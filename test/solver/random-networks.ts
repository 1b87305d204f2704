/**
 * fast-check arbitraries for small random flow networks: negative and positive costs, zero
 * capacities, parallel arcs and self-loops; supplies either arbitrary (often infeasible) or
 * taken from a random flow (always feasible).
 */
import fc from 'fast-check';
import { FlowNetworkBuilder, type FlowNetwork } from '../../src/solver/min-cost-flow/index.js';

interface ArcSpec {
  readonly tail: number;
  readonly head: number;
  readonly capacity: number;
  readonly cost: number;
  /** Fraction of the capacity a "witness" flow uses, for feasible supplies. */
  readonly used: number;
}

export interface RandomNetworkLimits {
  readonly maxNodes: number;
  readonly maxArcs: number;
  readonly maxCapacity: number;
  readonly maxCost: number;
  /** Lowest cost (default −maxCost); all-negative costs stress the artificial big-M. */
  readonly minCost?: number;
}

const defaultLimits: RandomNetworkLimits = { maxNodes: 8, maxArcs: 24, maxCapacity: 12, maxCost: 10 };

export function flowNetworkArbitrary(limits: Partial<RandomNetworkLimits> = {}): fc.Arbitrary<FlowNetwork> {
  const lim = { ...defaultLimits, ...limits };
  return fc.integer({ min: 1, max: lim.maxNodes }).chain((n) =>
    fc
      .record({
        arcs: fc.array(
          fc.record({
            tail: fc.nat(n - 1),
            head: fc.nat(n - 1),
            capacity: fc.integer({ min: 0, max: lim.maxCapacity }),
            cost: fc.integer({ min: lim.minCost ?? -lim.maxCost, max: lim.maxCost }),
            used: fc.double({ min: 0, max: 1, noNaN: true }),
          }),
          { maxLength: lim.maxArcs },
        ),
        feasibleSupplies: fc.boolean(),
        supplies: fc.array(fc.integer({ min: -lim.maxCapacity, max: lim.maxCapacity }), { minLength: n, maxLength: n }),
      })
      .map(({ arcs, feasibleSupplies, supplies }) => buildNetwork(n, arcs, feasibleSupplies ? null : supplies)),
  );
}

function buildNetwork(n: number, arcs: readonly ArcSpec[], supplies: readonly number[] | null): FlowNetwork {
  const b = new FlowNetworkBuilder(n);
  const balance = new Array<number>(n).fill(0);
  for (const arc of arcs) {
    b.addArc(arc.tail, arc.head, arc.capacity, arc.cost);
    const witness = Math.floor(arc.used * arc.capacity);
    balance[arc.tail]! += witness;
    balance[arc.head]! -= witness;
  }
  const chosen = supplies ?? balance;
  let sum = 0;
  for (let v = 0; v < n - 1; v++) sum += chosen[v]!;
  for (let v = 0; v < n - 1; v++) b.setSupply(v, chosen[v]!);
  b.setSupply(n - 1, -sum);
  return b.build();
}

/** Shallow copy of a network with every array cloned (for determinism checks). */
export function cloneNetwork(net: FlowNetwork): FlowNetwork {
  return {
    nodeCount: net.nodeCount,
    arcCount: net.arcCount,
    tail: net.tail.slice(),
    head: net.head.slice(),
    capacity: net.capacity.slice(),
    cost: net.cost.slice(),
    supply: net.supply.slice(),
  };
}
