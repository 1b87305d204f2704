import type { FlowNetwork } from './network.js';

/**
 * Arc states: in the spanning tree, or out of it at flow 0. An arc that leaves the tree (or
 * enters and leaves at once) saturated is turned round instead of being marked "at upper bound"
 * (see {@link SimplexState.reverseSaturatedArc}), so pricing needs no state: an arc is eligible
 * exactly when its reduced cost is negative (tree arcs have reduced cost 0).
 */
export const STATE_TREE = 0;
export const STATE_LOWER = 1;
/** Direction of a node's tree arc: from the node up to its parent, or down from the parent. */
export const DIR_UP = 1;
export const DIR_DOWN = -1;

/**
 * Everything the primal network simplex keeps, in typed arrays. Nodes 0..n-1 are the network's,
 * node n is the artificial root; arcs 0..m-1 are the network's, arc m+v joins node v and the root.
 *
 * The spanning tree is stored as parent pointers plus a preorder "thread" (a doubly linked list
 * through all nodes), each node's subtree size and the last node of its subtree in the thread:
 * together they let a pivot re-hang a subtree and update potentials in time proportional to
 * the part of the tree that changes, not to n.
 *
 * Potentials follow LEMON's sign: reduced cost = cost + pi[source] - pi[target]; the public
 * outcome negates them (see types.ts).
 */
export class SimplexState {
  readonly nodeCount: number;
  readonly arcCount: number;
  readonly root: number;
  readonly source: Int32Array;
  readonly target: Int32Array;
  readonly cap: Float64Array;
  readonly cost: Float64Array;
  readonly flow: Float64Array;
  readonly state: Int8Array;
  readonly parent: Int32Array;
  readonly pred: Int32Array;
  readonly predDir: Int8Array;
  readonly thread: Int32Array;
  readonly revThread: Int32Array;
  readonly succNum: Int32Array;
  readonly lastSucc: Int32Array;
  readonly pi: Float64Array;
  /** Internal arc i (< arcCount) is the network's arc arcOrder[i]; the pricing rules permute it. */
  readonly arcOrder: Int32Array;
  /** 1 where internal arc i currently points against the network's arc (flow = capacity − ours). */
  readonly reversed: Uint8Array;
  /** Scratch for the stem of a pivot (nodes whose parent pointers turn around). */
  readonly stem: Int32Array;

  // The current pivot, set by the entering-arc rule and the ratio test.
  inArc = -1;
  join = -1;
  uIn = -1;
  vIn = -1;
  uOut = -1;
  delta = 0;

  /**
   * @param arcOrder internal arc order (a permutation of the network's arcs); default identity.
   */
  constructor(net: FlowNetwork, artificialCost: number, arcOrder?: Int32Array) {
    const n = net.nodeCount;
    const m = net.arcCount;
    const all = m + n;
    this.nodeCount = n;
    this.arcCount = m;
    this.root = n;
    this.source = new Int32Array(all);
    this.target = new Int32Array(all);
    this.cap = new Float64Array(all);
    this.cost = new Float64Array(all);
    this.flow = new Float64Array(all);
    this.state = new Int8Array(all);
    this.parent = new Int32Array(n + 1);
    this.pred = new Int32Array(n + 1);
    this.predDir = new Int8Array(n + 1);
    this.thread = new Int32Array(n + 1);
    this.revThread = new Int32Array(n + 1);
    this.succNum = new Int32Array(n + 1);
    this.lastSucc = new Int32Array(n + 1);
    this.pi = new Float64Array(n + 1);
    this.stem = new Int32Array(n + 1);
    this.reversed = new Uint8Array(m);
    this.arcOrder = arcOrder ?? identity(m);
    for (let i = 0; i < m; i++) {
      const a = this.arcOrder[i]!;
      this.source[i] = net.tail[a]!;
      this.target[i] = net.head[a]!;
      this.cap[i] = net.capacity[a]!;
      this.cost[i] = net.cost[a]!;
    }
    this.state.fill(STATE_LOWER, 0, m);
    this.buildStartTree(net.supply, artificialCost);
  }

  /**
   * Exchanges the positions of two non-tree arcs (tree arcs are referenced by `pred`, so they
   * never move). Lets a pricing rule keep the arcs it prices in one contiguous, cache-friendly
   * block.
   */
  swapNonTreeArcs(i: number, j: number): void {
    swap(this.source, i, j);
    swap(this.target, i, j);
    swap(this.cap, i, j);
    swap(this.cost, i, j);
    swap(this.flow, i, j);
    swap(this.state, i, j);
    swap(this.arcOrder, i, j);
    swap(this.reversed, i, j);
  }

  /**
   * Turns a saturated non-tree arc round: the reversed arc carries capacity − flow = 0 and costs
   * −cost, which is the same residual choice, now at its lower bound.
   */
  reverseSaturatedArc(e: number): void {
    const t = this.source[e]!;
    this.source[e] = this.target[e]!;
    this.target[e] = t;
    this.cost[e] = -this.cost[e]!;
    this.flow[e] = 0;
    this.state[e] = STATE_LOWER;
    this.reversed[e] = this.reversed[e]! ^ 1;
  }

  /** The flow of internal arc i in the network's own orientation. */
  networkFlow(i: number): number {
    return this.reversed[i] ? this.cap[i]! - this.flow[i]! : this.flow[i]!;
  }

  /**
   * The start basis: every node hangs from the root by its artificial arc, which carries the
   * node's supply (upwards, cost 0) or demand (downwards, cost M). Every tree arc can push flow
   * towards the root, so the tree is strongly feasible, which keeps the simplex from cycling.
   */
  private buildStartTree(supply: Float64Array, artificialCost: number): void {
    const n = this.nodeCount;
    const root = this.root;
    this.parent[root] = -1;
    this.pred[root] = -1;
    this.succNum[root] = n + 1;
    this.lastSucc[root] = n === 0 ? root : n - 1;
    this.thread[root] = n === 0 ? root : 0;
    this.revThread[root] = n === 0 ? root : n - 1;
    for (let v = 0; v < n; v++) {
      const e = this.arcCount + v;
      this.parent[v] = root;
      this.pred[v] = e;
      this.thread[v] = v + 1 < n ? v + 1 : root;
      this.revThread[v] = v === 0 ? root : v - 1;
      this.succNum[v] = 1;
      this.lastSucc[v] = v;
      this.cap[e] = Number.POSITIVE_INFINITY;
      this.state[e] = STATE_TREE;
      const s = supply[v]!;
      if (s >= 0) {
        this.predDir[v] = DIR_UP;
        this.source[e] = v;
        this.target[e] = root;
        this.flow[e] = s;
      } else {
        this.predDir[v] = DIR_DOWN;
        this.source[e] = root;
        this.target[e] = v;
        this.flow[e] = -s;
        this.cost[e] = artificialCost;
        this.pi[v] = artificialCost;
      }
    }
  }
}

function identity(m: number): Int32Array {
  const order = new Int32Array(m);
  for (let i = 0; i < m; i++) order[i] = i;
  return order;
}

function swap(array: Int32Array | Float64Array | Int8Array | Uint8Array, i: number, j: number): void {
  const t = array[i]!;
  array[i] = array[j]!;
  array[j] = t;
}
