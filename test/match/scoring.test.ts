import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scoreCandidates, breakdownOf } from '../../src/match/scoring/score-candidates.js';
import { findCandidates } from '../../src/match/candidates/find-candidates.js';
import { indexBatch } from '../../src/match/model/batch-index.js';
import { defaultWeightProfile } from '../../src/domain/weights.js';
import type { Batch } from '../../src/domain/batch-schema.js';
import { arbitraryBatch, batch, community, need, offer } from '../support/batch-builders.js';

function score(b: Batch, weights = defaultWeightProfile) {
  const index = indexBatch(b);
  const candidates = findCandidates(index, { relatedCategoryFit: weights.relatedCategoryFit, forbidden: [], forced: [], mode: 'flow' });
  return { candidates, scored: scoreCandidates(index, candidates, weights) };
}

/** Value per unit of the only candidate edge between offer `o` and need `n`. */
function vpu(b: Batch, n: string, o: string, weights = defaultWeightProfile): number {
  const { candidates, scored } = score(b, weights);
  const ni = b.needs.findIndex((x) => x.id === n);
  const oi = b.offers.findIndex((x) => x.id === o);
  for (let e = 0; e < candidates.count; e++) if (candidates.need[e] === ni && candidates.offer[e] === oi) return scored.valuePerUnit[e]!;
  throw new Error(`no edge ${n}–${o}`);
}

describe('scoring', () => {
  it('features lie in [0, 1], and the breakdown adds up to the fit and the need value', () => {
    fc.assert(
      fc.property(arbitraryBatch(), (b) => {
        const { candidates, scored } = score(b);
        for (let e = 0; e < candidates.count; e++) {
          const n = candidates.need[e]!;
          const br = breakdownOf(scored, n, e, scored.valuePerUnit[e]!);
          const fitSum = Object.values(br.fitTerms).reduce((a, t) => a + t.contribution, 0);
          expect(fitSum).toBeCloseTo(br.fit, 12);
          for (const t of [...Object.values(br.fitTerms), ...Object.values(br.valueTerms)]) {
            expect(t.value).toBeGreaterThanOrEqual(0);
            expect(t.value).toBeLessThanOrEqual(1);
          }
          const base = b.needs[n]!.kind === 'micro_wish' ? defaultWeightProfile.microWishBase : 100;
          const lift = Object.values(br.valueTerms).reduce((a, t) => a + t.contribution, 0);
          expect(br.needValue).toBeCloseTo(base * (1 + lift), 9);
          expect(scored.valuePerUnit[e]).toBeCloseTo((br.fit * br.needValue) / b.needs[n]!.quantity, 9);
        }
      }),
      { numRuns: 60, seed: 9 },
    );
  });

  it('the same category fits better than a related one', () => {
    const b = batch([community('C1')], [need('N1', 'C1', { category: 'health' })], [offer('O1', { categories: ['health'] }), offer('O2', { categories: ['elderly'] })]);
    expect(vpu(b, 'N1', 'O1')).toBeGreaterThan(vpu(b, 'N1', 'O2'));
  });

  it('a nearer offer scores higher (distance decay)', () => {
    const c = community('C1', { location: { lat: 31.78, lon: 119.97 } });
    const b = batch([c], [need('N1', 'C1')], [
      offer('O1', { location: { lat: 31.78, lon: 119.98 }, radiusKm: 50 }),
      offer('O2', { location: { lat: 31.9, lon: 120.1 }, radiusKm: 50 }),
    ]);
    expect(vpu(b, 'N1', 'O1')).toBeGreaterThan(vpu(b, 'N1', 'O2'));
  });

  it('a specialist is worth less on a job that needs no skills (a lawyer moving chairs)', () => {
    const b = batch([community('C1')], [need('N1', 'C1')], [offer('O1'), offer('O2', { skills: ['lawyer'] })]);
    expect(vpu(b, 'N1', 'O1')).toBeGreaterThan(vpu(b, 'N1', 'O2'));
  });

  it('urgency, beneficiaries and vulnerability raise a need’s value; micro-wishes start lower', () => {
    const cs = [community('C1'), community('C2', { vulnerable: { elderly: 2000, children: 500, disabled: 100 } })];
    const b = batch(cs, [
      need('N1', 'C1', { urgency: 1 }),
      need('N2', 'C1', { urgency: 5 }),
      need('N3', 'C1', { beneficiaries: 1000 }),
      need('N4', 'C2'),
      need('N5', 'C1', { kind: 'micro_wish' }),
    ], [offer('O1')]);
    const { scored } = score(b);
    const [v1, v2, v3, v4, v5] = Array.from(scored.needValue);
    expect(v2!).toBeGreaterThan(v1!);
    expect(v3!).toBeGreaterThan(v1!);
    expect(v4!).toBeGreaterThan(v1!);
    expect(v5!).toBeLessThan(v1!);
  });

  it('continuity: a pair from an earlier round scores higher than a new one', () => {
    const b = batch([community('C1')], [need('N1', 'C1')], [offer('O1'), offer('O2')], { previousPairings: [{ need: 'N1', offer: 'O2' }] });
    expect(vpu(b, 'N1', 'O2')).toBeGreaterThan(vpu(b, 'N1', 'O1'));
  });

  it('provider preference: a preferred community scores higher', () => {
    const b = batch([community('C1')], [need('N1', 'C1')], [offer('O1'), offer('O2', { preferredCommunities: ['C1'] })]);
    expect(vpu(b, 'N1', 'O2')).toBeGreaterThan(vpu(b, 'N1', 'O1'));
  });

  it('meeting a need fully is worth the same whatever its size', () => {
    const b = batch([community('C1')], [need('N1', 'C1', { quantity: 1 }), need('N2', 'C1', { quantity: 500 })], [offer('O1', { capacity: 1000 })]);
    expect(vpu(b, 'N1', 'O1') * 1).toBeCloseTo(vpu(b, 'N2', 'O1') * 500, 9);
  });
});
