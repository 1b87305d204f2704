/**
 * What locked pairs already settle, in the terms the rules count: amounts per need, needs already
 * met in full, pairings per offer, funded projects per community and provider. Locked pairs are
 * constants of the model (see model/locks.ts); the rules count them against their limits.
 */
import type { BatchIndex } from '../model/batch-index.js';
import type { CandidateSet } from '../candidates/find-candidates.js';
import type { MatchModel } from '../model/build-model.js';

export interface LockFacts {
  /** Canonical units locked into each need. */
  readonly lockedAmountOfNeed: Float64Array;
  /** Flow units each need can still take (model/locks.ts `needCap`). */
  readonly needUnitsLeft: Float64Array;
  /** 1 where locked pairs alone meet the need in full. */
  readonly metByLocks: Uint8Array;
  readonly lockedPairsOfOffer: Int32Array;
  /** Funds needs of kind project with locked money, per community. */
  readonly lockedProjectsOfCommunity: Int32Array;
  /** Locked pairings of funds offers into project needs, per provider name. */
  readonly lockedProjectsOfProvider: ReadonlyMap<string, number>;
  /** Needs met in full by locked pairs, per community. */
  readonly lockedMetOfCommunity: Int32Array;
}

export function lockFacts(index: BatchIndex, candidates: CandidateSet, model: MatchModel): LockFacts {
  const lockedAmountOfNeed = new Float64Array(index.needs.length);
  const lockedPairsOfOffer = new Int32Array(index.offers.length);
  const lockedProjectsOfProvider = new Map<string, number>();
  for (const lock of model.locks.locked) {
    const n = candidates.need[lock.edge]!;
    const o = candidates.offer[lock.edge]!;
    lockedAmountOfNeed[n] = lockedAmountOfNeed[n]! + lock.amount;
    lockedPairsOfOffer[o]!++;
    const offer = index.offers[o]!;
    if (offer.form === 'funds' && index.needs[n]!.kind === 'project') {
      lockedProjectsOfProvider.set(offer.provider.name, (lockedProjectsOfProvider.get(offer.provider.name) ?? 0) + 1);
    }
  }
  const metByLocks = Uint8Array.from(index.needs, (need, n) => (lockedAmountOfNeed[n]! >= need.quantity ? 1 : 0));
  const lockedProjectsOfCommunity = new Int32Array(index.communities.length);
  const lockedMetOfCommunity = new Int32Array(index.communities.length);
  index.needs.forEach((need, n) => {
    const c = index.needCommunity[n]!;
    if (need.form === 'funds' && need.kind === 'project' && lockedAmountOfNeed[n]! > 0) lockedProjectsOfCommunity[c]!++;
    if (metByLocks[n]) lockedMetOfCommunity[c]!++;
  });
  return {
    lockedAmountOfNeed,
    needUnitsLeft: Float64Array.from(model.locks.needCap, (u) => Math.max(0, u)),
    metByLocks,
    lockedPairsOfOffer,
    lockedProjectsOfCommunity,
    lockedProjectsOfProvider,
    lockedMetOfCommunity,
  };
}
