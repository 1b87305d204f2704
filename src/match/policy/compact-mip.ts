/**
 * Drops the fixed columns of a MIP (lower = upper, e.g. arcs shut for a local question) and the
 * rows left empty, so that a question about a small region of a large model is a small MIP.
 */
import type { MipProblem } from './solver-ports.js';

export interface CompactMip {
  readonly problem: MipProblem;
  /** Original column of each kept column. */
  readonly kept: Int32Array;
  /** False when a row left empty cannot hold (the fixed columns alone break it). */
  readonly consistent: boolean;
  /** Objective of the fixed columns. */
  readonly offset: number;
}

export function compactMip(p: MipProblem): CompactMip {
  const newCol = new Int32Array(p.numCols).fill(-1);
  const kept: number[] = [];
  let offset = 0;
  for (let j = 0; j < p.numCols; j++) {
    if (p.colLower[j] === p.colUpper[j]) offset += p.colCost[j]! * p.colLower[j]!;
    else {
      newCol[j] = kept.length;
      kept.push(j);
    }
  }
  const start = [0];
  const index: number[] = [];
  const value: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  let consistent = true;
  for (let r = 0; r < p.numRows; r++) {
    let fixed = 0;
    const from = index.length;
    for (let k = p.rowStart[r]!; k < p.rowStart[r + 1]!; k++) {
      const j = p.rowIndex[k]!;
      if (newCol[j]! < 0) fixed += p.rowValue[k]! * p.colLower[j]!;
      else {
        index.push(newCol[j]!);
        value.push(p.rowValue[k]!);
      }
    }
    const lo = p.rowLower[r]! - fixed;
    const hi = p.rowUpper[r]! - fixed;
    if (index.length === from) {
      if (lo > 1e-9 || hi < -1e-9) consistent = false;
      continue;
    }
    start.push(index.length);
    lower.push(lo);
    upper.push(hi);
  }
  const pick = (a: Float64Array) => Float64Array.from(kept, (j) => a[j]!);
  return {
    problem: {
      numCols: kept.length,
      numRows: lower.length,
      colCost: pick(p.colCost),
      colLower: pick(p.colLower),
      colUpper: pick(p.colUpper),
      integer: Uint8Array.from(kept, (j) => p.integer[j]!),
      rowStart: Int32Array.from(start),
      rowIndex: Int32Array.from(index),
      rowValue: Float64Array.from(value),
      rowLower: Float64Array.from(lower),
      rowUpper: Float64Array.from(upper),
    },
    kept: Int32Array.from(kept),
    consistent,
    offset,
  };
}
