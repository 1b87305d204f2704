/**
 * Splits the candidate graph into connected components with graphology: components share no
 * offer, need or community-form node, so each is an independent optimisation problem.
 */
import { MultiUndirectedGraph } from 'graphology';
import { connectedComponents } from 'graphology-components';

export interface ComponentSplit {
  readonly count: number;
  /** Component of each node, numbered by the order components are first met (deterministic). */
  readonly componentOf: Int32Array;
}

/**
 * Connected components of an undirected graph on nodes 0..nodeCount-1 given as edge lists.
 * Isolated nodes are components of their own.
 */
export function splitComponents(nodeCount: number, a: ArrayLike<number>, b: ArrayLike<number>): ComponentSplit {
  const graph = new MultiUndirectedGraph({ allowSelfLoops: false });
  for (let v = 0; v < nodeCount; v++) graph.addNode(v);
  for (let i = 0; i < a.length; i++) graph.addUndirectedEdge(a[i]!, b[i]!);
  const raw = connectedComponents(graph);
  // Number components by their smallest node so the numbering does not depend on graphology's order.
  const ordered = raw.map((keys) => {
    const nodes = keys.map(Number);
    return { nodes, min: nodes.reduce((m, v) => (v < m ? v : m), Infinity) };
  });
  ordered.sort((x, y) => x.min - y.min);
  const componentOf = new Int32Array(nodeCount).fill(-1);
  ordered.forEach(({ nodes }, c) => {
    for (const v of nodes) componentOf[v] = c;
  });
  return { count: ordered.length, componentOf };
}
