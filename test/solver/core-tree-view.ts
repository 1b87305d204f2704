/**
 * Typed-array views of the WebAssembly core's spanning tree, so tests can check its invariants
 * between pivots. Valid until the next `layout` (which may grow the memory).
 */
import type { SimplexCore } from '../../src/solver/min-cost-flow/wasm-core.js';

export interface TreeView {
  readonly nodeCount: number;
  readonly arcCount: number;
  readonly root: number;
  /** Arc arrays, network arcs then one artificial arc per node. */
  readonly source: Int32Array;
  readonly target: Int32Array;
  readonly cap: Float64Array;
  readonly cost: Float64Array;
  readonly flow: Float64Array;
  /** Per network arc: 1 when turned round against the network's orientation. */
  readonly reversed: Uint8Array;
  readonly parent: Int32Array;
  readonly pred: Int32Array;
  readonly predDir: Int32Array;
  readonly thread: Int32Array;
  readonly revThread: Int32Array;
  readonly succNum: Int32Array;
  readonly lastSucc: Int32Array;
  readonly pi: Float64Array;
}

export const DIR_UP = 1;

export function coreTreeView(core: SimplexCore, nodeCount: number, arcCount: number): TreeView {
  const b = core.memory.buffer;
  const all = nodeCount + arcCount;
  const nodes = nodeCount + 1;
  return {
    nodeCount,
    arcCount,
    root: nodeCount,
    source: new Int32Array(b, core.sourcePtr(), all),
    target: new Int32Array(b, core.targetPtr(), all),
    cap: new Float64Array(b, core.capPtr(), all),
    cost: new Float64Array(b, core.costPtr(), all),
    flow: new Float64Array(b, core.flowPtr(), all),
    reversed: new Uint8Array(b, core.reversedPtr(), arcCount),
    parent: new Int32Array(b, core.parentPtr(), nodes),
    pred: new Int32Array(b, core.predPtr(), nodes),
    predDir: new Int32Array(b, core.predDirPtr(), nodes),
    thread: new Int32Array(b, core.threadPtr(), nodes),
    revThread: new Int32Array(b, core.revThreadPtr(), nodes),
    succNum: new Int32Array(b, core.succNumPtr(), nodes),
    lastSucc: new Int32Array(b, core.lastSuccPtr(), nodes),
    pi: new Float64Array(b, core.potentialPtr(), nodes),
  };
}

/** Flow of arc e in the network's own orientation (artificial arcs as they are). */
export function networkFlow(s: TreeView, e: number): number {
  return e < s.arcCount && s.reversed[e] === 1 ? s.cap[e]! - s.flow[e]! : s.flow[e]!;
}
