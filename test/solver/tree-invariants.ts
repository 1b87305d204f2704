/**
 * Checks every invariant of the network simplex's spanning-tree arrays from scratch; used to
 * step the simplex pivot by pivot in tests. Returns a list of broken invariants (empty = fine).
 */
import { DIR_UP, STATE_LOWER, STATE_TREE, type SimplexState } from '../../src/solver/min-cost-flow/simplex-state.js';

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

function checkTreeArcs(s: SimplexState, problems: string[]): void {
  let treeArcs = 0;
  for (let e = 0; e < s.state.length; e++) if (s.state[e] === STATE_TREE) treeArcs++;
  if (treeArcs !== s.nodeCount) problems.push(`${treeArcs} tree arcs, expected ${s.nodeCount}`);
  for (let v = 0; v < s.nodeCount; v++) {
    const e = s.pred[v]!;
    const p = s.parent[v]!;
    const up = s.predDir[v] === DIR_UP;
    if (s.state[e] !== STATE_TREE) problems.push(`pred arc of ${v} not in tree`);
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

function checkFlows(s: SimplexState, problems: string[]): void {
  for (let e = 0; e < s.flow.length; e++) {
    if (!(s.flow[e]! >= 0 && s.flow[e]! <= s.cap[e]!)) problems.push(`flow ${s.flow[e]} on arc ${e} out of bounds`);
    if (s.state[e] === STATE_LOWER && s.flow[e] !== 0) problems.push(`non-tree arc ${e} carries ${s.flow[e]}`);
    if (s.state[e] !== STATE_LOWER && s.state[e] !== STATE_TREE) problems.push(`arc ${e} in state ${s.state[e]}`);
  }
}

/** Conservation in the network's own orientation (reversed arcs mapped back), artificial arcs included. */
function checkConservation(s: SimplexState, supply: Float64Array, problems: string[]): void {
  const balance = new Float64Array(s.nodeCount + 1);
  for (let e = 0; e < s.flow.length; e++) {
    const back = e < s.arcCount && s.reversed[e] === 1;
    const x = e < s.arcCount ? s.networkFlow(e) : s.flow[e]!;
    const t = back ? s.target[e]! : s.source[e]!;
    const h = back ? s.source[e]! : s.target[e]!;
    balance[t] = balance[t]! + x;
    balance[h] = balance[h]! - x;
  }
  for (let v = 0; v < s.nodeCount; v++) {
    if (balance[v] !== supply[v]) problems.push(`node ${v} balance ${balance[v]} != supply ${supply[v]}`);
  }
}
