/**
 * Earlier pairings (continuity): a few (need, offer) pairs from last round that are still
 * compatible under every hard rule, so scoring has something to keep.
 */
import type { BatchInput } from '../domain/batch-schema.js';
import { forEachCandidatePair } from './candidate-pairs.js';
import type { Rng } from './prng.js';

export type PriorPairingRecord = NonNullable<BatchInput['previousPairings']>[number];

/** Up to `count` compatible pairs with distinct needs, in need-id order. */
export function choosePreviousPairings(rng: Rng, batch: BatchInput, count: number): PriorPairingRecord[] {
  if (count <= 0) return [];
  const pairs: Array<readonly [number, number]> = [];
  forEachCandidatePair(batch, (o, n, windowsOk, skillsOk) => {
    if (windowsOk && skillsOk) pairs.push([o, n]);
  });
  const chosen = new Map<number, number>();
  for (let attempt = 0; attempt < count * 20 && chosen.size < count && pairs.length > 0; attempt++) {
    const [o, n] = rng.pick(pairs);
    if (!chosen.has(n)) chosen.set(n, o);
  }
  return [...chosen.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([n, o]) => ({ need: batch.needs[n]?.id ?? '', offer: batch.offers[o]?.id ?? '' }));
}
