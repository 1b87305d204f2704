/**
 * Integer indices over a batch: offers, needs and communities as positions in arrays, so that
 * the later stages work on typed arrays instead of string lookups.
 */
import type { Batch, Community, Need, Offer } from '../../domain/batch-schema.js';

export interface BatchIndex {
  readonly batch: Batch;
  readonly offers: readonly Offer[];
  readonly needs: readonly Need[];
  readonly communities: readonly Community[];
  readonly offerIndex: ReadonlyMap<string, number>;
  readonly needIndex: ReadonlyMap<string, number>;
  readonly communityIndex: ReadonlyMap<string, number>;
  /** Community position of each need. */
  readonly needCommunity: Int32Array;
}

/** Builds the index. Assumes a validated batch (every need's community exists). */
export function indexBatch(batch: Batch): BatchIndex {
  const communityIndex = new Map(batch.communities.map((c, i) => [c.id, i] as const));
  const needCommunity = new Int32Array(batch.needs.length);
  batch.needs.forEach((need, i) => {
    const c = communityIndex.get(need.community);
    if (c === undefined) throw new Error(`match/model: need ${need.id} names unknown community ${need.community}`);
    needCommunity[i] = c;
  });
  return {
    batch,
    offers: batch.offers,
    needs: batch.needs,
    communities: batch.communities,
    offerIndex: new Map(batch.offers.map((o, i) => [o.id, i] as const)),
    needIndex: new Map(batch.needs.map((n, i) => [n.id, i] as const)),
    communityIndex,
    needCommunity,
  };
}

/** A key for an (offer, need) pair in sets and maps. */
export function pairKey(need: string, offer: string): string {
  return `${need}\u0000${offer}`;
}
