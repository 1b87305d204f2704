/**
 * The primal network simplex, in AssemblyScript (compiled to WebAssembly by `npm run build`;
 * see wasm-core.ts for the JavaScript side). Why WebAssembly: the same algorithm in JavaScript
 * ran 2–3× slower per pivot than LEMON's C++ once V8 had optimised it, and 10–20× slower in a
 * fresh process before it had; this module is compiled whole before the first pivot.
 *
 * The algorithm follows Dantzig's primal network simplex with LEMON's data layout: typed arrays
 * for the spanning tree (parent, preorder thread, subtree sizes, last successors), block-search
 * pricing, an artificial root with a big-M start basis and strongly feasible trees against
 * cycling. Two refinements of ours:
 *  - saturated non-tree arcs are turned round (cost negated, flow 0), so every non-tree arc is
 *    at its lower bound and an arc is eligible exactly when cost + pi[source] − pi[target] < 0;
 *  - pricing starts on each node's k cheapest outgoing and incoming arcs (the candidates) and
 *    widens to every other eligible arc only when none of the candidates improves.
 *
 * Memory: the JavaScript side calls `layout`, writes the network's arcs into the source,
 * target, capacity and cost arrays and the supplies, then calls `check`, `begin`, `advance` and
 * `finish`, and reads the flow (network order, in the scratch area) and the potentials. Nodes 0..n−1 are the network's, node n is the
 * root; arcs 0..m−1 are the network's (permuted: arc i is the network's arc order[i]), arc m+v
 * joins node v and the root. Potentials use LEMON's sign: reduced cost = cost + pi[source] −
 * pi[target].
 */

// ---- sizes and regions (byte addresses into linear memory) ----

let nodeCount: i32 = 0;
let arcCount: i32 = 0;
let root: i32 = 0;
let candidatesPerNode: i32 = 0;

let pSource: usize = 0; // i32[m + n]
let pTarget: usize = 0; // i32[m + n]
let pCap: usize = 0; // f64[m + n]
let pCost: usize = 0; // f64[m + n]
let pFlow: usize = 0; // f64[m + n]
let pOrder: usize = 0; // i32[m]: internal arc i is the network's arc order[i]
let pReversed: usize = 0; // u8[m]: 1 where internal arc i points against the network's arc
let pSupply: usize = 0; // f64[n]
let pParent: usize = 0; // i32[n + 1]
let pPred: usize = 0; // i32[n + 1]: the tree arc joining a node to its parent
let pPredDir: usize = 0; // i32[n + 1]: DIR_UP (node → parent) or DIR_DOWN
let pThread: usize = 0; // i32[n + 1]: preorder successor
let pRevThread: usize = 0; // i32[n + 1]
let pSuccNum: usize = 0; // i32[n + 1]: subtree size
let pLastSucc: usize = 0; // i32[n + 1]: last node of the subtree in the thread
let pPi: usize = 0; // f64[n + 1]
let pStem: usize = 0; // i32[n + 1]
let pBest: usize = 0; // i32[n * k]: candidate marking
let pFilled: usize = 0; // i32[n]
let pMarked: usize = 0; // u8[m]
let pScratch: usize = 0; // f64[m]: permutation buffer, then the flow in network order

const DIR_UP: i32 = 1;
const DIR_DOWN: i32 = -1;

// ---- the current pivot ----

let inArc: i32 = -1;
let join: i32 = -1;
let uIn: i32 = -1;
let vIn: i32 = -1;
let uOut: i32 = -1;
let delta: f64 = 0;
let iterations: f64 = 0;

// ---- pricing state ----

let nextArc: i32 = 0;
let priced: i32 = 0;
let block: i32 = 0;
let fixedBlock: i32 = 0;

// ---- typed access (no bounds checks: the layout guarantees the sizes) ----

// @ts-ignore: decorator
@inline function geti(base: usize, i: i32): i32 {
  return load<i32>(base + (<usize>i << 2));
}
// @ts-ignore: decorator
@inline function seti(base: usize, i: i32, v: i32): void {
  store<i32>(base + (<usize>i << 2), v);
}
// @ts-ignore: decorator
@inline function getf(base: usize, i: i32): f64 {
  return load<f64>(base + (<usize>i << 3));
}
// @ts-ignore: decorator
@inline function setf(base: usize, i: i32, v: f64): void {
  store<f64>(base + (<usize>i << 3), v);
}
// @ts-ignore: decorator
@inline function getb(base: usize, i: i32): i32 {
  return <i32>load<u8>(base + <usize>i);
}
// @ts-ignore: decorator
@inline function setb(base: usize, i: i32, v: i32): void {
  store<u8>(base + <usize>i, <u8>v);
}
// @ts-ignore: decorator
@inline function reducedCost(e: i32): f64 {
  return getf(pCost, e) + getf(pPi, geti(pSource, e)) - getf(pPi, geti(pTarget, e));
}

// ---- layout ----

let top: usize = 0;

function region(bytes: usize): usize {
  const at = (top + 15) & ~(<usize>15);
  top = at + bytes;
  return at;
}

/**
 * Places every array for a network of n nodes and m arcs with k candidate arcs per node, growing
 * the memory as needed. Returns 0 when the memory cannot grow that far (wasm32: 4 GiB).
 */
export function layout(n: i32, m: i32, k: i32): i32 {
  nodeCount = n;
  arcCount = m;
  root = n;
  candidatesPerNode = k;
  // Sizes in 64 bits first: in 32-bit addresses a network too large for the memory would wrap.
  const arcs64 = <u64>m + <u64>n;
  const bytes64 = arcs64 * 32 + <u64>m * 14 + (<u64>n + 1) * 52 + <u64>n * <u64>max(k, 0) * 4 + 16 * 24 + <u64>__heap_base;
  if (bytes64 >= (<u64>1 << 32)) return 0;
  top = __heap_base;
  const all = <usize>(m + n);
  const nodes = <usize>(n + 1);
  pSource = region(all << 2);
  pTarget = region(all << 2);
  pCap = region(all << 3);
  pCost = region(all << 3);
  pFlow = region(all << 3);
  pOrder = region(<usize>m << 2);
  pReversed = region(<usize>m);
  pSupply = region(<usize>n << 3);
  pParent = region(nodes << 2);
  pPred = region(nodes << 2);
  pPredDir = region(nodes << 2);
  pThread = region(nodes << 2);
  pRevThread = region(nodes << 2);
  pSuccNum = region(nodes << 2);
  pLastSucc = region(nodes << 2);
  pPi = region(nodes << 3);
  pStem = region(nodes << 2);
  pBest = region((<usize>n * <usize>max(k, 0)) << 2);
  pFilled = region(<usize>n << 2);
  pMarked = region(<usize>m);
  pScratch = region(<usize>m << 3);
  const needed = (top + 0xffff) >>> 16;
  const have = <usize>memory.size();
  if (needed > have && memory.grow(<i32>(needed - have)) < 0) return 0;
  return 1;
}

export function sourcePtr(): usize {
  return pSource;
}
export function targetPtr(): usize {
  return pTarget;
}
export function capPtr(): usize {
  return pCap;
}
export function costPtr(): usize {
  return pCost;
}
export function supplyPtr(): usize {
  return pSupply;
}
/** After an optimal solve: the flow of every network arc, in the network's order. */
export function flowOutPtr(): usize {
  return pScratch;
}
/** After an optimal solve: the potentials (LEMON's sign), n + 1 of them (the root last). */
export function potentialPtr(): usize {
  return pPi;
}
// The spanning tree's arrays, for tests that check its invariants pivot by pivot.
export function flowPtr(): usize {
  return pFlow;
}
export function orderPtr(): usize {
  return pOrder;
}
export function reversedPtr(): usize {
  return pReversed;
}
export function parentPtr(): usize {
  return pParent;
}
export function predPtr(): usize {
  return pPred;
}
export function predDirPtr(): usize {
  return pPredDir;
}
export function threadPtr(): usize {
  return pThread;
}
export function revThreadPtr(): usize {
  return pRevThread;
}
export function succNumPtr(): usize {
  return pSuccNum;
}
export function lastSuccPtr(): usize {
  return pLastSucc;
}
export function iterationCount(): f64 {
  return iterations;
}

// ---- checking the input ----

let maxAbsCost: f64 = 0;
let costTimesCapacity: f64 = 0;
let capacitySum: f64 = 0;
let positiveSupply: f64 = 0;
let flowCost: f64 = 0;

// @ts-ignore: decorator
@inline function isWhole(x: f64): bool {
  // False for fractions, NaN and ±Infinity (x − x is NaN for the infinities).
  return x - x == 0 && Math.floor(x) == x;
}

/**
 * Checks the loaded network in one pass (nodes in range, whole non-negative capacities, whole
 * costs and supplies, supplies summing to 0) and sums what the exactness bound needs. Returns 1
 * when everything holds; on 0 the JavaScript side re-checks to name the offenders.
 */
export function check(): i32 {
  const n = nodeCount;
  let ok = true;
  let maxCost: f64 = 0;
  let costCap: f64 = 0;
  let capSum: f64 = 0;
  for (let a = 0; a < arcCount; a++) {
    const t = geti(pSource, a);
    const h = geti(pTarget, a);
    const u = getf(pCap, a);
    const c = getf(pCost, a);
    if (<u32>t >= <u32>n || <u32>h >= <u32>n || !isWhole(u) || u < 0 || !isWhole(c)) ok = false;
    const size = Math.abs(c);
    if (size > maxCost) maxCost = size;
    costCap += size * u;
    capSum += u;
  }
  let sum: f64 = 0;
  let positive: f64 = 0;
  for (let v = 0; v < n; v++) {
    const b = getf(pSupply, v);
    if (!isWhole(b)) ok = false;
    sum += b;
    if (b > 0) positive += b;
  }
  maxAbsCost = maxCost;
  costTimesCapacity = costCap;
  capacitySum = capSum;
  positiveSupply = positive;
  return ok && sum == 0 ? 1 : 0;
}

export function maxAbsCostOf(): f64 {
  return maxAbsCost;
}
export function costTimesCapacityOf(): f64 {
  return costTimesCapacity;
}
export function capacitySumOf(): f64 {
  return capacitySum;
}
export function positiveSupplyOf(): f64 {
  return positiveSupply;
}
/** After an optimal solve: Σ cost · flow over the network's arcs. */
export function flowCostOf(): f64 {
  return flowCost;
}

// ---- the solve ----

const STATUS_OPTIMAL: i32 = 0;
const STATUS_INFEASIBLE: i32 = 1;

let firstEligibleRule: bool = false;
let pending: bool = false;

/**
 * Solving the laid-out network is {@link begin}, {@link advance}, then {@link finish}.
 *
 * `advance` pivots until the basis is optimal (returns 0) or `iterations` reaches `limit` with an
 * entering arc chosen but not yet used (returns 1; the next call pivots on it first), so the
 * pivots do not depend on how the work is sliced.
 */
export function advance(limit: f64): i32 {
  while (true) {
    if (!pending) {
      if (!enter()) return 0;
      pending = true;
    }
    if (iterations >= limit) return 1;
    pending = false;
    pivot();
  }
}

/**
 * Orders the arcs (candidates first), builds the start basis and resets the pricing.
 * `firstEligible` picks the first eligible arc after a cursor instead of block search (kept for
 * comparison); `blockSize` is a fixed block size or 0 for the default; `artificialCost` must
 * exceed the cost of any simple path (see network-simplex.ts).
 */
export function begin(firstEligible: i32, blockSize: i32, artificialCost: f64): void {
  iterations = 0;
  pending = false;
  nextArc = 0;
  fixedBlock = blockSize;
  firstEligibleRule = firstEligible != 0;
  const useCandidates = !firstEligibleRule && candidatesPerNode > 0;
  priced = useCandidates ? orderCandidatesFirst() : identityOrder();
  block = blockFor(priced);
  permuteArcs();
  buildStartTree(artificialCost);
}

/** Chooses the entering arc; false when there is none (the basis is optimal). */
export function enter(): bool {
  return firstEligibleRule ? findFirstEligible() : findBlockSearch();
}

/** Makes the pivot on the arc {@link enter} chose. */
export function pivot(): void {
  iterations += 1;
  findJoinNode();
  const treeChanges = findLeavingArc();
  changeFlow(treeChanges);
  if (treeChanges) updateTree();
}

/** At optimality: infeasible if an artificial arc still carries flow, else writes the flow out. */
export function finish(): i32 {
  const m = arcCount;
  for (let e = m; e < m + nodeCount; e++) {
    if (getf(pFlow, e) != 0) return STATUS_INFEASIBLE;
  }
  let total: f64 = 0;
  for (let i = 0; i < m; i++) {
    const back = getb(pReversed, i) != 0;
    const f = back ? getf(pCap, i) - getf(pFlow, i) : getf(pFlow, i);
    // A turned-round arc holds −cost; the network's cost times the network's flow either way.
    total += (back ? -getf(pCost, i) : getf(pCost, i)) * f;
    setf(pScratch, geti(pOrder, i), f);
  }
  flowCost = total;
  return STATUS_OPTIMAL;
}

// ---- arc order: candidates first ----

function identityOrder(): i32 {
  for (let i = 0; i < arcCount; i++) seti(pOrder, i, i);
  return arcCount;
}

/**
 * Marks every node's k cheapest outgoing and k cheapest incoming arcs (ties to the lower index,
 * so the choice is deterministic) and orders the marked arcs first, each group in index order.
 * Returns how many are marked.
 */
function orderCandidatesFirst(): i32 {
  const m = arcCount;
  memory.fill(pMarked, 0, <usize>m);
  markCheapest(pSource);
  markCheapest(pTarget);
  let front = 0;
  for (let a = 0; a < m; a++) if (getb(pMarked, a) != 0) seti(pOrder, front++, a);
  let back = front;
  for (let a = 0; a < m; a++) if (getb(pMarked, a) == 0) seti(pOrder, back++, a);
  return front;
}

/** Per node (by ends[a]): a short sorted list of its k cheapest arcs; marks them. */
function markCheapest(ends: usize): void {
  const k = candidatesPerNode;
  const n = nodeCount;
  memory.fill(pFilled, 0, <usize>n << 2);
  for (let a = 0; a < arcCount; a++) {
    const v = geti(ends, a);
    const c = getf(pCost, a);
    const base = v * k;
    let i = geti(pFilled, v);
    if (i == k) {
      if (c >= getf(pCost, geti(pBest, base + k - 1))) continue;
      i = k - 1;
    } else {
      seti(pFilled, v, i + 1);
    }
    // Insertion into the sorted list; strict > keeps earlier arcs ahead on ties.
    while (i > 0 && getf(pCost, geti(pBest, base + i - 1)) > c) {
      seti(pBest, base + i, geti(pBest, base + i - 1));
      i--;
    }
    seti(pBest, base + i, a);
  }
  for (let v = 0; v < n; v++) {
    const filled = geti(pFilled, v);
    for (let i = 0; i < filled; i++) setb(pMarked, geti(pBest, v * k + i), 1);
  }
}

/** Applies the order to the network arcs' source, target, capacity and cost. */
function permuteArcs(): void {
  const m = arcCount;
  memory.copy(pScratch, pSource, <usize>m << 2);
  for (let i = 0; i < m; i++) seti(pSource, i, geti(pScratch, geti(pOrder, i)));
  memory.copy(pScratch, pTarget, <usize>m << 2);
  for (let i = 0; i < m; i++) seti(pTarget, i, geti(pScratch, geti(pOrder, i)));
  memory.copy(pScratch, pCap, <usize>m << 3);
  for (let i = 0; i < m; i++) setf(pCap, i, getf(pScratch, geti(pOrder, i)));
  memory.copy(pScratch, pCost, <usize>m << 3);
  for (let i = 0; i < m; i++) setf(pCost, i, getf(pScratch, geti(pOrder, i)));
  memory.fill(pFlow, 0, <usize>m << 3);
  memory.fill(pReversed, 0, <usize>m);
}

/**
 * The start basis: every node hangs from the root by its artificial arc, which carries the
 * node's supply (upwards, cost 0) or demand (downwards, cost M). Every tree arc can push flow
 * towards the root, so the tree is strongly feasible.
 */
function buildStartTree(artificialCost: f64): void {
  const n = nodeCount;
  seti(pParent, root, -1);
  seti(pPred, root, -1);
  seti(pSuccNum, root, n + 1);
  seti(pLastSucc, root, n == 0 ? root : n - 1);
  seti(pThread, root, n == 0 ? root : 0);
  seti(pRevThread, root, n == 0 ? root : n - 1);
  setf(pPi, root, 0);
  for (let v = 0; v < n; v++) {
    const e = arcCount + v;
    seti(pParent, v, root);
    seti(pPred, v, e);
    seti(pThread, v, v + 1 < n ? v + 1 : root);
    seti(pRevThread, v, v == 0 ? root : v - 1);
    seti(pSuccNum, v, 1);
    seti(pLastSucc, v, v);
    setf(pCap, e, Infinity);
    const s = getf(pSupply, v);
    if (s >= 0) {
      seti(pPredDir, v, DIR_UP);
      seti(pSource, e, v);
      seti(pTarget, e, root);
      setf(pFlow, e, s);
      setf(pCost, e, 0);
      setf(pPi, v, 0);
    } else {
      seti(pPredDir, v, DIR_DOWN);
      seti(pSource, e, root);
      seti(pTarget, e, v);
      setf(pFlow, e, -s);
      setf(pCost, e, artificialCost);
      setf(pPi, v, artificialCost);
    }
  }
}

// ---- entering arc ----

function blockFor(count: i32): i32 {
  if (fixedBlock > 0) return fixedBlock;
  // A quarter of √(priced arcs), at least 10: with the candidate set this priced 2–3× fewer
  // arcs than LEMON's √arcs for < 10 % more pivots (benchmarks/RESULTS.md).
  return max(10, <i32>Math.round(Math.sqrt(<f64>count) / 4));
}

/** Block search over the priced arcs, widening the priced set when none of them improves. */
function findBlockSearch(): bool {
  if (searchPriced()) return true;
  if (priced == arcCount || !widen()) return false;
  return searchPriced();
}

/** Scans blocks round-robin from the cursor; enters the most violating arc of the first block with one. */
function searchPriced(): bool {
  const m = priced;
  const blk = block;
  const start = nextArc < m ? nextArc : 0;
  let min: f64 = 0;
  let best: i32 = -1;
  let count = blk;
  let e = start;
  for (let pass = 0; pass < 2; pass++) {
    const stop = pass == 0 ? m : start;
    for (; e < stop; e++) {
      const c = reducedCost(e);
      if (c < min) {
        min = c;
        best = e;
      }
      if (--count == 0) {
        if (min < 0) {
          nextArc = e + 1;
          inArc = best;
          return true;
        }
        count = blk;
      }
    }
    e = 0;
  }
  if (min >= 0) return false;
  inArc = best;
  return true;
}

/** Moves every eligible unpriced arc into the priced block; false if there was none. */
function widen(): bool {
  const before = priced;
  let front = before;
  for (let e = before; e < arcCount; e++) {
    if (reducedCost(e) < 0) {
      if (e != front) swapNonTreeArcs(e, front);
      front++;
    }
  }
  priced = front;
  block = blockFor(front);
  return front > before;
}

/** Exchanges two non-tree arcs (both at flow 0; tree arcs are referenced by pred, so never move). */
function swapNonTreeArcs(i: i32, j: i32): void {
  const s = geti(pSource, i);
  seti(pSource, i, geti(pSource, j));
  seti(pSource, j, s);
  const t = geti(pTarget, i);
  seti(pTarget, i, geti(pTarget, j));
  seti(pTarget, j, t);
  const c = getf(pCap, i);
  setf(pCap, i, getf(pCap, j));
  setf(pCap, j, c);
  const k = getf(pCost, i);
  setf(pCost, i, getf(pCost, j));
  setf(pCost, j, k);
  const o = geti(pOrder, i);
  seti(pOrder, i, geti(pOrder, j));
  seti(pOrder, j, o);
  const r = getb(pReversed, i);
  setb(pReversed, i, getb(pReversed, j));
  setb(pReversed, j, r);
}

/** First eligible arc after the cursor (a Bland-like round robin over all arcs). */
function findFirstEligible(): bool {
  const m = arcCount;
  for (let pass = 0; pass < 2; pass++) {
    const from = pass == 0 ? nextArc : 0;
    const stop = pass == 0 ? m : nextArc;
    for (let e = from; e < stop; e++) {
      if (reducedCost(e) < 0) {
        nextArc = e + 1 < m ? e + 1 : 0;
        inArc = e;
        return true;
      }
    }
  }
  return false;
}

// ---- the pivot ----

/** The apex of the cycle the entering arc closes: the deepest common ancestor of its ends. */
function findJoinNode(): void {
  let u = geti(pSource, inArc);
  let v = geti(pTarget, inArc);
  // The node with the smaller subtree cannot be an ancestor of the other, so it moves up.
  while (u != v) {
    if (geti(pSuccNum, u) < geti(pSuccNum, v)) u = geti(pParent, u);
    else v = geti(pParent, v);
  }
  join = u;
}

/**
 * Ratio test: the leaving arc is the last blocking arc met going round the cycle from the apex
 * in the direction of flow (`<` on one side, `<=` on the other), which keeps the tree strongly
 * feasible. Returns false when the entering arc itself blocks (it only moves to its other bound).
 */
function findLeavingArc(): bool {
  const first = geti(pSource, inArc);
  const second = geti(pTarget, inArc);
  let d = getf(pCap, inArc);
  let side = 0;
  let out = -1;
  // From the apex down to `first`, flow runs parent → child.
  for (let u = first; u != join; u = geti(pParent, u)) {
    const e = geti(pPred, u);
    const room = geti(pPredDir, u) == DIR_UP ? getf(pFlow, e) : getf(pCap, e) - getf(pFlow, e);
    if (room < d) {
      d = room;
      out = u;
      side = 1;
    }
  }
  // From `second` up to the apex, flow runs child → parent.
  for (let u = second; u != join; u = geti(pParent, u)) {
    const e = geti(pPred, u);
    const room = geti(pPredDir, u) == DIR_UP ? getf(pCap, e) - getf(pFlow, e) : getf(pFlow, e);
    if (room <= d) {
      d = room;
      out = u;
      side = 2;
    }
  }
  delta = d;
  uOut = out;
  if (side == 1) {
    uIn = first;
    vIn = second;
  } else {
    uIn = second;
    vIn = first;
  }
  return side != 0;
}

/** Pushes delta round the cycle; an arc that ends up outside the tree saturated is turned round. */
function changeFlow(treeChanges: bool): void {
  if (delta > 0) {
    const val = delta;
    setf(pFlow, inArc, getf(pFlow, inArc) + val);
    for (let u = geti(pSource, inArc); u != join; u = geti(pParent, u)) {
      const e = geti(pPred, u);
      setf(pFlow, e, getf(pFlow, e) - <f64>geti(pPredDir, u) * val);
    }
    for (let u = geti(pTarget, inArc); u != join; u = geti(pParent, u)) {
      const e = geti(pPred, u);
      setf(pFlow, e, getf(pFlow, e) + <f64>geti(pPredDir, u) * val);
    }
  }
  if (treeChanges) {
    const out = geti(pPred, uOut);
    if (getf(pFlow, out) != 0) reverseSaturatedArc(out);
  } else {
    reverseSaturatedArc(inArc);
  }
}

/** A saturated non-tree arc, turned round: capacity − flow = 0 left, at cost −cost. */
function reverseSaturatedArc(e: i32): void {
  const t = geti(pSource, e);
  seti(pSource, e, geti(pTarget, e));
  seti(pTarget, e, t);
  setf(pCost, e, -getf(pCost, e));
  setf(pFlow, e, 0);
  // Artificial arcs have infinite capacity and so never saturate; the guard keeps memory safe.
  if (e < arcCount) setb(pReversed, e, getb(pReversed, e) ^ 1);
}

/**
 * Re-hangs the subtree below the leaving arc: cut it, turn it round so uIn becomes its root,
 * link it under vIn by the entering arc, and shift its potentials so the entering arc has zero
 * reduced cost. Touches only the stem, the paths to the apex and the moved subtree.
 */
function updateTree(): void {
  const size = geti(pSuccNum, uOut);
  cutSubtree(size);
  rerootSubtree();
  linkSubtree(size);
  shiftPotentials(size);
}

/** Removes uOut's subtree from the thread (its own thread closes into a ring) and the sizes. */
function cutSubtree(size: i32): void {
  const last = geti(pLastSucc, uOut);
  const before = geti(pRevThread, uOut);
  const after = geti(pThread, last);
  seti(pThread, before, after);
  seti(pRevThread, after, before);
  seti(pThread, last, uOut);
  seti(pRevThread, uOut, last);
  const vOut = geti(pParent, uOut);
  for (let a = vOut; a != join; a = geti(pParent, a)) seti(pSuccNum, a, geti(pSuccNum, a) - size);
  // Ancestors whose subtree ended with the removed block now end just before it.
  for (let a = vOut; a != -1 && geti(pLastSucc, a) == last; a = geti(pParent, a)) seti(pLastSucc, a, before);
}

/** Turns the detached subtree (a ring in the thread) round so that uIn becomes its root. */
function rerootSubtree(): void {
  let k = 0;
  for (let v = uIn; v != uOut; v = geti(pParent, v)) seti(pStem, k++, v);
  seti(pStem, k, uOut);
  // Rotate from the top: the current root p becomes a child of its stem child q.
  for (let i = k; i > 0; i--) {
    const p = geti(pStem, i);
    const q = geti(pStem, i - 1);
    const lastQ = geti(pLastSucc, q);
    const beforeQ = geti(pRevThread, q);
    const afterQ = geti(pThread, lastQ);
    seti(pThread, beforeQ, afterQ);
    seti(pRevThread, afterQ, beforeQ);
    const lastP = geti(pLastSucc, p) == lastQ ? beforeQ : geti(pLastSucc, p);
    // New ring: q's block, then what is left of p's ring.
    seti(pThread, lastQ, p);
    seti(pRevThread, p, lastQ);
    seti(pThread, lastP, q);
    seti(pRevThread, q, lastP);
    seti(pLastSucc, p, lastP);
    seti(pLastSucc, q, lastP);
    const sizeP = geti(pSuccNum, p);
    seti(pSuccNum, p, sizeP - geti(pSuccNum, q));
    seti(pSuccNum, q, sizeP);
    seti(pParent, p, q);
    seti(pPred, p, geti(pPred, q));
    seti(pPredDir, p, -geti(pPredDir, q));
  }
  seti(pParent, uIn, vIn);
  seti(pPred, uIn, inArc);
  seti(pPredDir, uIn, geti(pSource, inArc) == uIn ? DIR_UP : DIR_DOWN);
}

/** Splices the re-rooted subtree into the thread right after vIn and adds it to the sizes. */
function linkSubtree(size: i32): void {
  const last = geti(pLastSucc, uIn);
  const next = geti(pThread, vIn);
  seti(pThread, vIn, uIn);
  seti(pRevThread, uIn, vIn);
  seti(pThread, last, next);
  seti(pRevThread, next, last);
  for (let a = vIn; a != join; a = geti(pParent, a)) seti(pSuccNum, a, geti(pSuccNum, a) + size);
  // If vIn was a leaf, it and the ancestors whose subtree ended at it now end with the block.
  for (let a = vIn; a != -1 && geti(pLastSucc, a) == vIn; a = geti(pParent, a)) seti(pLastSucc, a, last);
}

/** Gives the entering arc zero reduced cost by shifting the moved subtree's potentials. */
function shiftPotentials(size: i32): void {
  const sigma = getf(pPi, vIn) - getf(pPi, uIn) - <f64>geti(pPredDir, uIn) * getf(pCost, inArc);
  if (sigma == 0) return;
  let u = uIn;
  for (let i = 0; i < size; i++) {
    setf(pPi, u, getf(pPi, u) + sigma);
    u = geti(pThread, u);
  }
}
