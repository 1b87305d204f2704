/**
 * Extra capacity for a question about a region: columns for "units added to an offer", which lift
 * the offer's supply arc (and the return arcs that close the circulation), so that a MIP can find
 * the fewest extra units that make the region's floors hold.
 */
import { ArcRole } from '../model/build-model.js';
import type { BlockSet } from './blocks.js';
import type { MipProblem } from './solver-ports.js';

/** Appends an "extra units" column per offer (cost −1: minimise) and lifts its supply arc by it. */
export function withExtraColumns(blockSet: BlockSet, setBlocks: readonly number[], problem: MipProblem, extra: ReadonlyMap<number, number>, cols: Map<number, number>): MipProblem {
  const cost = Array.from(problem.colCost);
  const lower = Array.from(problem.colLower);
  const upper = Array.from(problem.colUpper);
  const integer = Array.from(problem.integer);
  const start = Array.from(problem.rowStart);
  const index = Array.from(problem.rowIndex);
  const value = Array.from(problem.rowValue);
  const rowLower = Array.from(problem.rowLower);
  const rowUpper = Array.from(problem.rowUpper);
  const offsetOf = columnOffsets(blockSet, setBlocks);
  for (const [o, units] of extra) {
    const b = blockSet.blockOfOffer[o]!;
    const arc = supplyArc(blockSet, b, o);
    if (arc < 0 || !offsetOf.has(b)) continue;
    const x = offsetOf.get(b)! + arc;
    const e = cost.length;
    cost.push(-1);
    lower.push(0);
    upper.push(units);
    integer.push(0);
    cols.set(o, e);
    // x_supply − extra ≤ original capacity; the arc itself may now carry up to capacity + units
    // (and so may the return arcs that close the circulation).
    const cap = upper[x]!;
    upper[x] = cap + units;
    for (const r of returnArcs(blockSet, b)) upper[offsetOf.get(b)! + r] = upper[offsetOf.get(b)! + r]! + units;
    index.push(x, e);
    value.push(1, -1);
    start.push(index.length);
    rowLower.push(Number.NEGATIVE_INFINITY);
    rowUpper.push(cap);
  }
  return {
    numCols: cost.length,
    numRows: rowLower.length,
    colCost: Float64Array.from(cost),
    colLower: Float64Array.from(lower),
    colUpper: Float64Array.from(upper),
    integer: Uint8Array.from(integer),
    rowStart: Int32Array.from(start),
    rowIndex: Int32Array.from(index),
    rowValue: Float64Array.from(value),
    rowLower: Float64Array.from(rowLower),
    rowUpper: Float64Array.from(rowUpper),
  };
}

function columnOffsets(blockSet: BlockSet, setBlocks: readonly number[]): Map<number, number> {
  const offsets = new Map<number, number>();
  let at = 0;
  for (const b of setBlocks) {
    offsets.set(b, at);
    at += blockSet.blocks[b]!.network.arcCount;
  }
  return offsets;
}

/** The return arcs (sink → source) of a block. */
export function returnArcs(blockSet: BlockSet, b: number): number[] {
  const block = blockSet.blocks[b]!;
  const arcs: number[] = [];
  for (let a = 0; a < block.network.arcCount; a++) if (block.arcRole[a] === ArcRole.ret) arcs.push(a);
  return arcs;
}

/** An offer's supply arc (source → offer) in its block, or -1. */
export function supplyArc(blockSet: BlockSet, b: number, o: number): number {
  const block = blockSet.blocks[b]!;
  for (let a = 0; a < block.network.arcCount; a++) if (block.arcRole[a] === ArcRole.supply && block.arcRef[a] === o) return a;
  return -1;
}

