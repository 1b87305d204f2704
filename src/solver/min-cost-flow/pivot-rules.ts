/**
 * Entering-arc rules. Non-tree arcs are kept at flow 0 (saturated ones are turned round, see
 * simplex-state.ts) and tree arcs have reduced cost 0, so an arc is eligible exactly when its
 * reduced cost cost + pi[source] − pi[target] is negative. Only the network's own arcs are priced (artificial arcs may leave the basis but never
 * come back). Each rule keeps a cursor so consecutive searches start where the last one stopped.
 */
import type { SimplexState } from './simplex-state.js';

/** A stateful rule: picks `s.inArc` and returns true, or returns false at optimality. */
export interface PivotRuleRunner {
  findEnteringArc(s: SimplexState): boolean;
}

/**
 * Block search (Grigoriadis; LEMON's default) over a growing set of priced arcs: scan blocks of
 * arcs round-robin and enter the most violating arc of the first block that has one.
 *
 * The priced arcs are the internal positions [0, priced); at the start they are the candidate
 * arcs (see candidate-arcs.ts). When none of them is eligible, one pass over the others moves
 * every eligible one into the priced block (swapping positions with an unpriced arc, so the block
 * stays contiguous); if that pass finds none, the basis is optimal for the whole network.
 */
export class BlockSearchRule implements PivotRuleRunner {
  private next = 0;
  private priced: number;
  private block: number;

  /** @param fixedBlock block size, or 0 for {@link defaultBlockSize} (re-sized as the set grows). */
  constructor(
    priced: number,
    private readonly fixedBlock: number,
  ) {
    this.priced = priced;
    this.block = this.blockFor(priced);
  }

  findEnteringArc(s: SimplexState): boolean {
    if (this.searchPriced(s)) return true;
    if (this.priced === s.arcCount || !this.widen(s)) return false;
    return this.searchPriced(s);
  }

  private searchPriced(s: SimplexState): boolean {
    const { cost, pi, source, target } = s;
    const m = this.priced;
    const block = this.block;
    const start = this.next < m ? this.next : 0;
    let min = 0;
    let best = -1;
    let count = block;
    let e = start;
    // Two passes (cursor → end, then start → cursor) so every priced arc is looked at once.
    for (let pass = 0; pass < 2; pass++) {
      const stop = pass === 0 ? m : start;
      for (; e < stop; e++) {
        const c = cost[e]! + pi[source[e]!]! - pi[target[e]!]!;
        if (c < min) {
          min = c;
          best = e;
        }
        if (--count === 0) {
          if (min < 0) {
            this.next = e + 1;
            s.inArc = best;
            return true;
          }
          count = block;
        }
      }
      e = 0;
    }
    if (min >= 0) return false;
    s.inArc = best;
    return true;
  }

  /** Moves every eligible unpriced arc into the priced block; false if there was none. */
  private widen(s: SimplexState): boolean {
    const { cost, pi, source, target } = s;
    const before = this.priced;
    let front = before;
    for (let e = before; e < s.arcCount; e++) {
      if (cost[e]! + pi[source[e]!]! - pi[target[e]!]! < 0) {
        if (e !== front) s.swapNonTreeArcs(e, front);
        front++;
      }
    }
    this.priced = front;
    this.block = this.blockFor(front);
    return front > before;
  }

  private blockFor(priced: number): number {
    return this.fixedBlock > 0 ? this.fixedBlock : defaultBlockSize(priced);
  }
}

/** First eligible arc after the cursor (Bland-like round robin over all arcs): for comparison. */
export class FirstEligibleRule implements PivotRuleRunner {
  private next = 0;

  findEnteringArc(s: SimplexState): boolean {
    const { cost, pi, source, target } = s;
    const m = s.arcCount;
    for (let pass = 0; pass < 2; pass++) {
      const from = pass === 0 ? this.next : 0;
      const stop = pass === 0 ? m : this.next;
      for (let e = from; e < stop; e++) {
        if (cost[e]! + pi[source[e]!]! - pi[target[e]!]! < 0) {
          this.next = e + 1 < m ? e + 1 : 0;
          s.inArc = e;
          return true;
        }
      }
    }
    return false;
  }
}

/**
 * Default block size: a quarter of the square root of the number of priced arcs, at least 10.
 * LEMON uses √arcs; with the candidate set, √/4 priced 2–3× fewer arcs per solve on the
 * changzhou, city and assign-1000 benchmarks for < 10 % more pivots (see benchmarks/RESULTS.md).
 */
export function defaultBlockSize(arcCount: number): number {
  return Math.max(10, Math.round(Math.sqrt(arcCount) / 4));
}
