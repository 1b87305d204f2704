/**
 * Coverage statistics: needs met, demand met, communities reached and beneficiaries, in total and
 * by district, category, provider kind and form. Needs not pooled for matching are left out.
 */
import type { BatchIndex } from '../model/batch-index.js';
import type { CandidateSet } from '../candidates/find-candidates.js';
import type { Allocation } from './decode.js';
import type { Coverage, CoverageRow, OfferUsage } from '../types.js';

/** One need's share in a group: how much of it the group's key accounts for. */
interface NeedShare {
  readonly need: number;
  readonly met: number;
}

export function coverageOf(index: BatchIndex, candidates: CandidateSet, allocation: Allocation): Coverage {
  const met = new Float64Array(index.needs.length);
  const kinds = new Map<string, number>();
  const kindOfOffer = Int32Array.from(index.offers, (o) => {
    let k = kinds.get(o.provider.kind);
    if (k === undefined) kinds.set(o.provider.kind, (k = kinds.size));
    return k;
  });
  // What each provider kind gave each need (kind-major), and which kinds gave anything at all.
  const N = index.needs.length;
  const byKind = new Float64Array(kinds.size * N);
  const kindUsed = new Uint8Array(kinds.size);
  for (let e = 0; e < candidates.count; e++) {
    const a = allocation.amount[e]!;
    if (a <= 0) continue;
    const n = candidates.need[e]!;
    met[n] = met[n]! + a;
    const k = kindOfOffer[candidates.offer[e]!]!;
    byKind[k * N + n] = byKind[k * N + n]! + a;
    kindUsed[k] = 1;
  }
  const pooled = index.needs.map((_, n) => n).filter((n) => candidates.pooled[n]);
  const group = (keyOf: (n: number) => string): CoverageRow[] => {
    const groups = new Map<string, NeedShare[]>();
    for (const n of pooled) {
      const key = keyOf(n);
      const members = groups.get(key);
      if (members) members.push({ need: n, met: met[n]! });
      else groups.set(key, [{ need: n, met: met[n]! }]);
    }
    return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, shares]) => row(key, shares, index, met));
  };
  const kindRow = (kind: string, k: number): CoverageRow => {
    const shares: NeedShare[] = [];
    for (let n = 0; n < N; n++) if (byKind[k * N + n]! > 0) shares.push({ need: n, met: byKind[k * N + n]! });
    return row(kind, shares, index, met);
  };
  const byProviderKind = [...kinds.entries()]
    .filter(([, k]) => kindUsed[k] === 1)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([kind, k]) => kindRow(kind, k));
  return {
    total: row('total', pooled.map((n) => ({ need: n, met: met[n]! })), index, met),
    byDistrict: group((n) => index.communities[index.needCommunity[n]!]!.district),
    byCategory: group((n) => index.needs[n]!.category),
    byProviderKind,
    byForm: group((n) => index.needs[n]!.form),
  };
}

/**
 * A coverage row over needs. `met` is what this group's key gave the need (for provider kinds
 * only their part); "met" and "partly met" always judge the need's total allocation.
 */
function row(key: string, shares: readonly NeedShare[], index: BatchIndex, totalMet: Float64Array): CoverageRow {
  let needsMet = 0, needsPartlyMet = 0, demand = 0, demandMet = 0, share = 0, beneficiaries = 0, reached = 0;
  const communities = new Set<number>();
  const communitiesReached = new Set<number>();
  for (const { need: n, met } of shares) {
    const need = index.needs[n]!;
    const c = index.needCommunity[n]!;
    const total = totalMet[n]!;
    if (total >= need.quantity) needsMet++;
    else if (total > 0) needsPartlyMet++;
    demand += need.quantity;
    demandMet += met;
    share += Math.min(1, met / need.quantity);
    beneficiaries += need.beneficiaries;
    reached += need.beneficiaries * Math.min(1, met / need.quantity);
    communities.add(c);
    if (met > 0) communitiesReached.add(c);
  }
  return {
    key,
    needs: shares.length,
    needsMet,
    needsPartlyMet,
    demand,
    demandMet,
    demandMetShare: shares.length > 0 ? share / shares.length : 0,
    communities: communities.size,
    communitiesReached: communitiesReached.size,
    beneficiaries,
    beneficiariesReached: Math.round(reached),
  };
}

/** Each offer's capacity, what was used of it and in how many pairings. */
export function offerUsage(index: BatchIndex, candidates: CandidateSet, allocation: Allocation): OfferUsage[] {
  const used = new Float64Array(index.offers.length);
  const pairings = new Int32Array(index.offers.length);
  for (let e = 0; e < candidates.count; e++) {
    if (allocation.amount[e]! <= 0) continue;
    used[candidates.offer[e]!] = used[candidates.offer[e]!]! + allocation.amount[e]!;
    pairings[candidates.offer[e]!]!++;
  }
  return index.offers.map((offer, o) => ({
    offer: offer.id,
    providerKind: offer.provider.kind,
    form: offer.form,
    capacity: offer.capacity,
    used: used[o]!,
    pairings: pairings[o]!,
  }));
}
