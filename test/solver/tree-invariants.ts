/**
 * Checks every invariant of the network simplex's spanning-tree arrays from scratch; used to
 * step the simplex pivot by pivot in tests. Returns a list of broken invariants (empty = fine).
 */
import { DIR_UP, networkFlow, type TreeView as SimplexState } from './core-tree-view.js';

export function treeInvariantViolations(s: SimplexState, supply: Float64Array): string[] {
  const problems: string[] = [];
  const nodes = s.nodeCount + 1;
  checkThread(s, nodes, problems);
  if (problems.length > 0) return problems;
  checkSubtrees(s, nodes, problems);
  checkTreeArcs(s, problems);
  checkFlows(s, problems);
  checkConservation(s, supply, problems);
  return problems;
}

function checkThread(s: SimplexState, nodes: number, problems: string[]): void {
  const seen = new Uint8Array(nodes);
  let u = s.root;
  for (let i = 0; i < nodes; i++) {
    if (seen[u]) {
      problems.push(`thread revisits ${u}`);
      return;
    }
    seen[u] = 1;
    if (s.revThread[s.thread[u]!] !== u) problems.push(`revThread[thread[${u}]] != ${u}`);
    u = s.thread[u]!;
  }
  if (u !== s.root) problems.push('thread does not close at the root');
}

function checkSubtrees(s: SimplexState, nodes: number, problems: string[]): void {
  // Preorder position of each node, then every subtree must be the contiguous run after it.
  const order = new Int32Array(nodes);
  const position = new Int32Array(nodes);
  for (let i = 0, u = s.root; i < nodes; i++, u = s.thread[u]!) {
    order[i] = u;
    position[u] = i;
  }
  for (let v = 0; v < nodes; v++) {
    const start = position[v]!;
    const size = s.succNum[v]!;
    for (let i = start + 1; i < start + size; i++) {
      if (!isAncestor(s, v, order[i]!)) problems.push(`node ${order[i]} in ${v}'s thread run is no descendant`);
    }
    const after = start + size;
    if (after < nodes && isAncestor(s, v, order[after]!)) problems.push(`subtree of ${v} longer than succNum ${size}`);
    if (s.lastSucc[v] !== order[start + size - 1]) problems.push(`lastSucc[${v}] = ${s.lastSucc[v]}, expected ${order[start + size - 1]}`);
  }
}

function isAncestor(s: SimplexState, a: number, v: number): boolean {
  for (let u = v; u !== -1; u = s.parent[u]!) if (u === a) return true;
  return false;
}

/** The tree arcs are the nodes' pred arcs: n distinct ones, none of them outside the arc range. */
function treeArcSet(s: SimplexState, problems: string[]): Uint8Array {
  const inTree = new Uint8Array(s.flow.length);
  for (let v = 0; v < s.nodeCount; v++) {
    const e = s.pred[v]!;
    if (!(e >= 0 && e < s.flow.length)) problems.push(`pred[${v}] = ${e} is no arc`);
    else if (inTree[e]) problems.push(`arc ${e} is the pred arc of two nodes`);
    else inTree[e] = 1;
  }
  return inTree;
}

function checkTreeArcs(s: SimplexState, problems: string[]): void {
  treeArcSet(s, problems);
  for (let v = 0; v < s.nodeCount; v++) {
    const e = s.pred[v]!;
    const p = s.parent[v]!;
    const up = s.predDir[v] === DIR_UP;
    if ((up ? s.source[e] : s.target[e]) !== v || (up ? s.target[e] : s.source[e]) !== p) {
      problems.push(`pred arc ${e} does not join ${v} and its parent ${p}`);
    }
    const rc = s.cost[e]! + s.pi[s.source[e]!]! - s.pi[s.target[e]!]!;
    if (rc !== 0) problems.push(`tree arc ${e} has reduced cost ${rc}`);
    // Strongly feasible: every node can push a positive amount towards the root.
    const room = up ? s.cap[e]! - s.flow[e]! : s.flow[e]!;
    if (!(room > 0)) problems.push(`tree arc of ${v} cannot carry flow towards the root`);
  }
}

/** Flows within bounds; every non-tree arc at flow 0 (saturated ones are turned round). */
function checkFlows(s: SimplexState, problems: string[]): void {
  const inTree = treeArcSet(s, []);
  for (let e = 0; e < s.flow.length; e++) {
    if (!(s.flow[e]! >= 0 && s.flow[e]! <= s.cap[e]!)) problems.push(`flow ${s.flow[e]} on arc ${e} out of bounds`);
    if (!inTree[e] && s.flow[e] !== 0) problems.push(`non-tree arc ${e} carries ${s.flow[e]}`);
  }
}

/** Conservation in the network's own orientation (reversed arcs mapped back), artificial arcs included. */
function checkConservation(s: SimplexState, supply: Float64Array, problems: string[]): void {
  const balance = new Float64Array(s.nodeCount + 1);
  for (let e = 0; e < s.flow.length; e++) {
    const back = e < s.arcCount && s.reversed[e] === 1;
    const x = networkFlow(s, e);
    const t = back ? s.target[e]! : s.source[e]!;
    const h = back ? s.source[e]! : s.target[e]!;
    balance[t] = balance[t]! + x;
    balance[h] = balance[h]! - x;
  }
  for (let v = 0; v < s.nodeCount; v++) {
    if (balance[v] !== supply[v]) problems.push(`node ${v} balance ${balance[v]} != supply ${supply[v]}`);
  }
}
