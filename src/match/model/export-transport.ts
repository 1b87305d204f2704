/**
 * Export of a run's model core in the plain `transport/v1` format (shared/perf/FORMAT.md), so
 * anyone can check the allocation with another solver. The format has offers, needs and weighted
 * edges only: locks are applied (capacities and demands are what is left), the stability and
 * spreading terms are not representable and are left out — `meta` says so.
 */
import type { BatchIndex } from './batch-index.js';
import type { CandidateSet } from '../candidates/find-candidates.js';
import type { MatchModel } from './build-model.js';

export interface TransportV1 {
  readonly format: 'transport/v1';
  readonly meta: Readonly<Record<string, unknown>>;
  readonly offers: { readonly id: string[]; readonly capacity: number[] };
  readonly needs: { readonly id: string[]; readonly demand: number[] };
  readonly edges: { readonly offer: number[]; readonly need: number[]; readonly weight: number[]; readonly cap: number[] };
}

export function exportTransport(index: BatchIndex, candidates: CandidateSet, model: MatchModel): TransportV1 {
  const edges = { offer: [] as number[], need: [] as number[], weight: [] as number[], cap: [] as number[] };
  for (let e = 0; e < candidates.count; e++) {
    const cap = model.locks.edgeCap[e]!;
    if (cap <= 0) continue;
    edges.offer.push(candidates.offer[e]!);
    edges.need.push(candidates.need[e]!);
    edges.weight.push(model.unitValue[e]!);
    edges.cap.push(cap);
  }
  return {
    format: 'transport/v1',
    meta: {
      generator: 'jiedui',
      mode: model.mode,
      unit: model.mode === 'one-to-one' ? 'pairings' : 'canonical units of each form',
      omitted: ['community spreading tiers', 'stability term', 'locked pairs (already subtracted)'],
    },
    offers: { id: index.offers.map((o) => o.id), capacity: Array.from(model.locks.offerCap) },
    needs: { id: index.needs.map((n) => n.id), demand: Array.from(model.locks.needCap) },
    edges,
  };
}
