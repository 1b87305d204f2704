/**
 * One pivot of the primal network simplex, in four steps after the entering arc is chosen:
 * find the cycle's apex (join), find the leaving arc (ratio test), push flow round the cycle,
 * and re-hang the subtree cut off by the leaving arc (tree arrays and potentials).
 * Plain functions over {@link SimplexState}; the hot loops read the arrays into locals.
 */
import { DIR_DOWN, DIR_UP, STATE_LOWER, STATE_TREE, type SimplexState } from './simplex-state.js';

/** Finds the apex of the cycle the entering arc closes: the deepest common ancestor of its ends. */
export function findJoinNode(s: SimplexState): void {
  const { parent, succNum } = s;
  let u = s.source[s.inArc]!;
  let v = s.target[s.inArc]!;
  // The node with the smaller subtree cannot be an ancestor of the other, so it moves up.
  while (u !== v) {
    if (succNum[u]! < succNum[v]!) u = parent[u]!;
    else v = parent[v]!;
  }
  s.join = u;
}

/**
 * Ratio test. Walks both tree paths of the cycle and picks as leaving arc the *last* blocking
 * arc met when going round the cycle from the apex in the direction of flow; that choice keeps
 * the tree strongly feasible (hence the `<` on one side and `<=` on the other).
 * Returns false when the entering arc itself blocks (it only moves to its other bound).
 */
export function findLeavingArc(s: SimplexState): boolean {
  const { parent, pred, predDir, flow, cap } = s;
  const inArc = s.inArc;
  const join = s.join;
  // Non-tree arcs are always at flow 0 (saturated ones are turned round), so flow runs
  // source → target on the entering arc.
  const first = s.source[inArc]!;
  const second = s.target[inArc]!;
  let delta = cap[inArc]!;
  let side = 0;
  let uOut = -1;
  // From the apex down to `first`, flow runs parent → child.
  for (let u = first; u !== join; u = parent[u]!) {
    const e = pred[u]!;
    const room = predDir[u] === DIR_UP ? flow[e]! : cap[e]! - flow[e]!;
    if (room < delta) {
      delta = room;
      uOut = u;
      side = 1;
    }
  }
  // From `second` up to the apex, flow runs child → parent.
  for (let u = second; u !== join; u = parent[u]!) {
    const e = pred[u]!;
    const room = predDir[u] === DIR_UP ? cap[e]! - flow[e]! : flow[e]!;
    if (room <= delta) {
      delta = room;
      uOut = u;
      side = 2;
    }
  }
  s.delta = delta;
  s.uOut = uOut;
  if (side === 1) {
    s.uIn = first;
    s.vIn = second;
  } else {
    s.uIn = second;
    s.vIn = first;
  }
  return side !== 0;
}

/**
 * Pushes `delta` round the cycle and sets the states of the entering and leaving arcs; an arc
 * that ends up outside the tree saturated is turned round.
 */
export function changeFlow(s: SimplexState, treeChanges: boolean): void {
  const { parent, pred, predDir, flow, state } = s;
  const inArc = s.inArc;
  const join = s.join;
  if (s.delta > 0) {
    const val = s.delta;
    flow[inArc] = flow[inArc]! + val;
    for (let u = s.source[inArc]!; u !== join; u = parent[u]!) {
      const e = pred[u]!;
      flow[e] = flow[e]! - predDir[u]! * val;
    }
    for (let u = s.target[inArc]!; u !== join; u = parent[u]!) {
      const e = pred[u]!;
      flow[e] = flow[e]! + predDir[u]! * val;
    }
  }
  if (treeChanges) {
    const out = pred[s.uOut]!;
    state[inArc] = STATE_TREE;
    if (flow[out] === 0) state[out] = STATE_LOWER;
    else s.reverseSaturatedArc(out);
  } else {
    s.reverseSaturatedArc(inArc);
  }
}

/**
 * Re-hangs the subtree below the leaving arc: cut it from its parent, turn it round so that
 * `uIn` becomes its root (reversing the parent pointers along the stem uIn → uOut), and link it
 * under `vIn` by the entering arc; then shifts its potentials so the entering arc has zero
 * reduced cost. Each step keeps parent/thread/subtree-size/last-successor consistent, and only
 * nodes on the stem, on the paths to the apex and inside the moved subtree are touched.
 */
export function updateTree(s: SimplexState): void {
  const size = s.succNum[s.uOut]!;
  cutSubtree(s, size);
  rerootSubtree(s);
  linkSubtree(s, size);
  shiftPotentials(s, size);
}

/** Removes uOut's subtree from the thread (its own thread closes into a ring) and the sizes. */
function cutSubtree(s: SimplexState, size: number): void {
  const { parent, thread, revThread, succNum, lastSucc } = s;
  const uOut = s.uOut;
  const last = lastSucc[uOut]!;
  const before = revThread[uOut]!;
  const after = thread[last]!;
  thread[before] = after;
  revThread[after] = before;
  thread[last] = uOut;
  revThread[uOut] = last;
  const join = s.join;
  const vOut = parent[uOut]!;
  for (let a = vOut; a !== join; a = parent[a]!) succNum[a] = succNum[a]! - size;
  // Ancestors whose subtree ended with the removed block now end just before it.
  for (let a = vOut; a !== -1 && lastSucc[a] === last; a = parent[a]!) lastSucc[a] = before;
}

/** Turns the detached subtree (a ring in the thread) round so that uIn becomes its root. */
function rerootSubtree(s: SimplexState): void {
  const { parent, pred, predDir, thread, revThread, succNum, lastSucc, stem } = s;
  const uIn = s.uIn;
  const uOut = s.uOut;
  let k = 0;
  for (let v = uIn; v !== uOut; v = parent[v]!) stem[k++] = v;
  stem[k] = uOut;
  // Rotate from the top: the current root p becomes a child of its stem child q.
  for (let i = k; i > 0; i--) {
    const p = stem[i]!;
    const q = stem[i - 1]!;
    const lastQ = lastSucc[q]!;
    const beforeQ = revThread[q]!;
    const afterQ = thread[lastQ]!;
    thread[beforeQ] = afterQ;
    revThread[afterQ] = beforeQ;
    const lastP = lastSucc[p] === lastQ ? beforeQ : lastSucc[p]!;
    // New ring: q's block, then what is left of p's ring.
    thread[lastQ] = p;
    revThread[p] = lastQ;
    thread[lastP] = q;
    revThread[q] = lastP;
    lastSucc[p] = lastP;
    lastSucc[q] = lastP;
    const sizeP = succNum[p]!;
    succNum[p] = sizeP - succNum[q]!;
    succNum[q] = sizeP;
    parent[p] = q;
    pred[p] = pred[q]!;
    predDir[p] = -predDir[q]!;
  }
  const inArc = s.inArc;
  parent[uIn] = s.vIn;
  pred[uIn] = inArc;
  predDir[uIn] = s.source[inArc] === uIn ? DIR_UP : DIR_DOWN;
}

/** Splices the re-rooted subtree into the thread right after vIn and adds it to the sizes. */
function linkSubtree(s: SimplexState, size: number): void {
  const { parent, thread, revThread, succNum, lastSucc } = s;
  const uIn = s.uIn;
  const vIn = s.vIn;
  const last = lastSucc[uIn]!;
  const next = thread[vIn]!;
  thread[vIn] = uIn;
  revThread[uIn] = vIn;
  thread[last] = next;
  revThread[next] = last;
  const join = s.join;
  for (let a = vIn; a !== join; a = parent[a]!) succNum[a] = succNum[a]! + size;
  // If vIn was a leaf, it and the ancestors whose subtree ended at it now end with the block.
  for (let a = vIn; a !== -1 && lastSucc[a] === vIn; a = parent[a]!) lastSucc[a] = last;
}

/** Gives the entering arc zero reduced cost by shifting the moved subtree's potentials. */
function shiftPotentials(s: SimplexState, size: number): void {
  const { pi, thread } = s;
  const uIn = s.uIn;
  const sigma = pi[s.vIn]! - pi[uIn]! - s.predDir[uIn]! * s.cost[s.inArc]!;
  if (sigma === 0) return;
  let u = uIn;
  for (let i = 0; i < size; i++) {
    pi[u] = pi[u]! + sigma;
    u = thread[u]!;
  }
}
