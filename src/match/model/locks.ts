/**
 * Locked pairs (approved by an official) are taken out of the optimisation: their amounts are
 * subtracted from the offer's capacity and the need's demand, and their edge gets no further
 * flow. This file also turns the previous run's pairings into per-edge "stable" units.
 */
import type { BatchIndex } from './batch-index.js';
import type { CandidateSet } from '../candidates/find-candidates.js';
import type { MatchOptions } from '../types.js';
import { InvalidInputError, type InputIssue } from '../../domain/issues.js';

export interface LockedEdge {
  readonly edge: number;
  /** Canonical units allocated. */
  readonly amount: number;
}

export interface LockPlan {
  /** Flow units each offer still has (capacity, or pairings in one-to-one mode). */
  readonly offerCap: Float64Array;
  /** Flow units each need can still take. */
  readonly needCap: Float64Array;
  /** Flow units each candidate edge may carry. */
  readonly edgeCap: Float64Array;
  /** Flow units of each edge that the previous run had (for the stability term). */
  readonly previousUnits: Float64Array;
  readonly locked: readonly LockedEdge[];
  /** Flow units locked into each need (for the spread tiers). */
  readonly lockedUnitsOfNeed: Float64Array;
}

/** Applies locks and previous allocations; throws InvalidInputError listing every bad lock. */
export function resolveLocks(
  index: BatchIndex,
  candidates: CandidateSet,
  options: MatchOptions,
): LockPlan {
  const oneToOne = options.mode === 'one-to-one';
  // Only locks and previous pairings look edges up; most runs have neither.
  const O = index.offers.length;
  const edgeOf = new Map<number, number>();
  if (options.locked.length > 0 || options.previous.length > 0) {
    for (let e = 0; e < candidates.count; e++) edgeOf.set(candidates.need[e]! * O + candidates.offer[e]!, e);
  }
  const offerCap = new Float64Array(index.offers.length);
  for (let o = 0; o < offerCap.length; o++) offerCap[o] = oneToOne ? (index.offers[o]!.maxPairings ?? 1) : index.offers[o]!.capacity;
  const needCap = new Float64Array(index.needs.length);
  for (let n = 0; n < needCap.length; n++) needCap[n] = candidates.pooled[n] ? (oneToOne ? 1 : index.needs[n]!.quantity) : 0;
  const lockedUnitsOfNeed = new Float64Array(index.needs.length);
  const issues: InputIssue[] = [];
  const locked: LockedEdge[] = [];
  options.locked.forEach((lock, i) => {
    const n = index.needIndex.get(lock.need);
    const o = index.offerIndex.get(lock.offer);
    if (n === undefined) issues.push({ path: ['locked', i, 'need'], code: 'unknown_reference', message: `no need ${lock.need} in the batch` });
    if (o === undefined) issues.push({ path: ['locked', i, 'offer'], code: 'unknown_reference', message: `no offer ${lock.offer} in the batch` });
    if (n === undefined || o === undefined) return;
    const e = edgeOf.get(n * O + o);
    if (e === undefined || index.needs[n]!.form !== index.offers[o]!.form) {
      issues.push({ path: ['locked', i], code: 'incompatible_pair', message: `offer ${lock.offer} cannot serve need ${lock.need} (different form or need not pooled)` });
      return;
    }
    if (!Number.isInteger(lock.amount) || lock.amount <= 0) {
      issues.push({ path: ['locked', i, 'amount'], code: 'invalid_value', message: 'a locked amount is a positive whole number' });
      return;
    }
    const units = oneToOne ? 1 : lock.amount;
    offerCap[o] = offerCap[o]! - units;
    needCap[n] = needCap[n]! - units;
    lockedUnitsOfNeed[n] = lockedUnitsOfNeed[n]! + units;
    if (offerCap[o]! < 0) issues.push({ path: ['locked', i, 'amount'], code: 'over_capacity', message: `locked pairs exceed offer ${lock.offer}'s capacity` });
    if (needCap[n]! < 0) issues.push({ path: ['locked', i, 'amount'], code: 'over_demand', message: `locked pairs exceed need ${lock.need}'s demand` });
    locked.push({ edge: e, amount: lock.amount });
  });
  if (issues.length > 0) throw new InvalidInputError(issues, 'locked pairs');
  const edgeCap = new Float64Array(candidates.count);
  for (let e = 0; e < candidates.count; e++) {
    edgeCap[e] = Math.max(0, Math.min(offerCap[candidates.offer[e]!]!, needCap[candidates.need[e]!]!));
  }
  for (const l of locked) edgeCap[l.edge] = 0; // a locked edge gets no further flow
  const previousUnits = new Float64Array(candidates.count);
  for (const p of options.previous) {
    const n = index.needIndex.get(p.need);
    const o = index.offerIndex.get(p.offer);
    const e = n === undefined || o === undefined ? undefined : edgeOf.get(n * O + o);
    if (e !== undefined) previousUnits[e] = oneToOne ? 1 : Math.max(0, Math.floor(p.amount));
  }
  return { offerCap, needCap, edgeCap, previousUnits, locked, lockedUnitsOfNeed };
}
