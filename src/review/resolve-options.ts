/**
 * What a re-solve is asked: keep every approved pairing fixed (with its amount), never propose a
 * rejected pair again (nor one rejected in an earlier round), and stay close to the proposal the
 * reviewers have been reading (the stability term).
 */
import type { LockedPair, PairRef, PreviousAllocation } from '../match/types.js';

/** A reviewed pairing, as much as a re-solve needs of it. */
export interface ReviewedPairing {
  readonly need: string;
  readonly offer: string;
  readonly amount: number;
  readonly status: 'proposed' | 'approved' | 'rejected';
}

export interface ReviewOptions {
  readonly locked: readonly LockedPair[];
  readonly forbidden: readonly PairRef[];
  readonly previous: readonly PreviousAllocation[];
}

const key = (p: { need: string; offer: string }) => `${p.need}\u0000${p.offer}`;

/**
 * Options for re-solving a reviewed run. `earlierForbidden` are the pairs its own run already
 * forbade: rejections accumulate over rounds of review.
 * @example
 * reviewOptions(pairings, run.options.forbidden) // → { locked, forbidden, previous }
 */
export function reviewOptions(pairings: readonly ReviewedPairing[], earlierForbidden: readonly PairRef[]): ReviewOptions {
  const locked: LockedPair[] = [];
  const previous: PreviousAllocation[] = [];
  const forbidden = new Map<string, PairRef>(earlierForbidden.map((p) => [key(p), { need: p.need, offer: p.offer }]));
  for (const p of pairings) {
    if (p.status === 'rejected') {
      forbidden.set(key(p), { need: p.need, offer: p.offer });
      continue;
    }
    if (p.status === 'approved') locked.push({ need: p.need, offer: p.offer, amount: p.amount });
    previous.push({ need: p.need, offer: p.offer, amount: p.amount });
  }
  return { locked, forbidden: [...forbidden.values()], previous };
}
