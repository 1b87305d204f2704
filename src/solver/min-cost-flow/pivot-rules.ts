/**
 * Entering-arc rules. Both scan only the network's own arcs (artificial arcs may leave the basis
 * but never come back) and keep a cursor so consecutive searches start where the last one
 * stopped. An arc is eligible when state × reduced cost < 0: a lower-bound arc with negative
 * reduced cost, or an upper-bound arc with positive reduced cost; tree arcs have state 0.
 */
import type { SimplexState } from './simplex-state.js';

/** A stateful rule: picks `s.inArc` and returns true, or returns false at optimality. */
export interface PivotRuleRunner {
  findEnteringArc(s: SimplexState): boolean;
}

/**
 * Block search (Grigoriadis; LEMON's default): scan blocks of arcs round-robin and enter the
 * most violating arc of the first block that has one. Cheaper per pivot than Dantzig's full
 * scan, far fewer pivots than first-eligible.
 */
export class BlockSearchRule implements PivotRuleRunner {
  private next = 0;

  constructor(private readonly blockSize: number) {}

  findEnteringArc(s: SimplexState): boolean {
    const { state, cost, pi, source, target } = s;
    const m = s.arcCount;
    const block = this.blockSize;
    let min = 0;
    let best = -1;
    let count = block;
    let e = this.next;
    // Two passes (cursor → end, then start → cursor) so every arc is looked at once.
    for (let pass = 0; pass < 2; pass++) {
      const stop = pass === 0 ? m : this.next;
      for (; e < stop; e++) {
        const c = state[e]! * (cost[e]! + pi[source[e]!]! - pi[target[e]!]!);
        if (c < min) {
          min = c;
          best = e;
        }
        if (--count === 0) {
          if (min < 0) {
            this.next = e + 1 < m ? e + 1 : 0;
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
}

/** First eligible arc after the cursor (Bland-like round robin): cheap scans, many pivots. */
export class FirstEligibleRule implements PivotRuleRunner {
  private next = 0;

  findEnteringArc(s: SimplexState): boolean {
    const { state, cost, pi, source, target } = s;
    const m = s.arcCount;
    for (let pass = 0; pass < 2; pass++) {
      const from = pass === 0 ? this.next : 0;
      const stop = pass === 0 ? m : this.next;
      for (let e = from; e < stop; e++) {
        if (state[e]! * (cost[e]! + pi[source[e]!]! - pi[target[e]!]!) < 0) {
          this.next = e + 1 < m ? e + 1 : 0;
          s.inArc = e;
          return true;
        }
      }
    }
    return false;
  }
}

/** Default block size: about the square root of the number of arcs, at least 10. */
export function defaultBlockSize(arcCount: number): number {
  return Math.max(10, Math.round(Math.sqrt(arcCount)));
}
