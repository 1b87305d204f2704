import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { UndirectedGraph } from 'graphology';
import { connectedComponents } from 'graphology-components';
import { splitComponents } from '../../src/match/model/components.js';

/** Components as sets of nodes, by graphology: the reference. */
function reference(n: number, edges: ReadonlyArray<readonly [number, number]>): string[] {
  const g = new UndirectedGraph();
  for (let v = 0; v < n; v++) g.addNode(v);
  for (const [x, y] of edges) if (x !== y) g.mergeEdge(x, y);
  return connectedComponents(g).map((c) => c.map(Number).sort((p, q) => p - q).join(',')).sort();
}

describe('splitComponents', () => {
  it('finds exactly the components graphology finds, numbered by smallest node', () => {
    const graph = fc.integer({ min: 1, max: 40 }).chain((n) =>
      fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 60 })),
    );
    fc.assert(
      fc.property(graph, ([n, edges]) => {
        const split = splitComponents(n, edges.map((e) => e[0]), edges.map((e) => e[1]));
        const groups = new Map<number, number[]>();
        for (let v = 0; v < n; v++) groups.set(split.componentOf[v]!, [...(groups.get(split.componentOf[v]!) ?? []), v]);
        expect(split.count).toBe(groups.size);
        expect([...groups.values()].map((g) => g.join(',')).sort()).toEqual(reference(n, edges));
        const smallest = [...groups.entries()].sort((x, y) => x[0] - y[0]).map(([, g]) => g[0]!);
        expect(smallest).toEqual([...smallest].sort((x, y) => x - y));
      }),
      { numRuns: 300, seed: 1 },
    );
  });
});
