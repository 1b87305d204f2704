import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runMatching } from '../../src/match/run-matching.js';
import { defaultWeightProfile, type WeightProfile } from '../../src/domain/weights.js';
import type { Batch } from '../../src/domain/batch-schema.js';
import type { MatchMode, MatchResult } from '../../src/match/types.js';
import { arbitraryBatch } from '../support/batch-builders.js';
import { modelStages, oracleObjective, tierBonus } from '../support/model-oracle.js';

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

/** Re-checks a result on its own terms: capacities, demands, forms, candidates, one-to-one limits. */
function checkFeasible(batch: Batch, result: MatchResult, mode: MatchMode): void {
  const offerById = new Map(batch.offers.map((o) => [o.id, o]));
  const needById = new Map(batch.needs.map((n) => [n.id, n]));
  const given = new Map<string, number>();
  const got = new Map<string, number>();
  const pairingsOfNeed = new Map<string, number>();
  const pairingsOfOffer = new Map<string, number>();
  for (const p of result.pairings) {
    const o = offerById.get(p.offer)!;
    const n = needById.get(p.need)!;
    expect(o.form).toBe(n.form);
    expect(n.pooled).toBe(true);
    expect(p.amount).toBeGreaterThan(0);
    expect(Number.isInteger(p.amount)).toBe(true);
    given.set(o.id, (given.get(o.id) ?? 0) + p.amount);
    got.set(n.id, (got.get(n.id) ?? 0) + p.amount);
    pairingsOfNeed.set(n.id, (pairingsOfNeed.get(n.id) ?? 0) + 1);
    pairingsOfOffer.set(o.id, (pairingsOfOffer.get(o.id) ?? 0) + 1);
  }
  for (const [id, amount] of given) expect(amount).toBeLessThanOrEqual(offerById.get(id)!.capacity);
  for (const [id, amount] of got) expect(amount).toBeLessThanOrEqual(needById.get(id)!.quantity);
  if (mode === 'one-to-one') {
    for (const count of pairingsOfNeed.values()) expect(count).toBe(1);
    for (const [id, count] of pairingsOfOffer) expect(count).toBeLessThanOrEqual(offerById.get(id)!.maxPairings ?? 1);
  }
  // Every pooled need short of its demand is explained.
  const unmet = new Set(result.unmet.map((u) => u.need));
  for (const n of batch.needs) if ((got.get(n.id) ?? 0) < n.quantity) expect(unmet.has(n.id)).toBe(true);
}

/** The objective recomputed from the pairings: their values plus the concave community bonus. */
function objectiveFromPairings(batch: Batch, weights: WeightProfile, mode: MatchMode, result: MatchResult): number {
  const { index, model } = modelStages(batch, weights, { mode });
  const unitsByCf = new Float64Array(model.tiers.count);
  let value = 0;
  for (const p of result.pairings) {
    value += p.value;
    const cf = model.tiers.cfOfNeed[index.needIndex.get(p.need)!]!;
    if (cf >= 0) unitsByCf[cf] = unitsByCf[cf]! + (mode === 'one-to-one' ? 1 : p.amount);
  }
  for (let cf = 0; cf < model.tiers.count; cf++) {
    let rest = unitsByCf[cf]!;
    for (let t = 0; t < model.tiers.tierCount; t++) {
      const take = Math.min(rest, model.tiers.tierCap[cf * model.tiers.tierCount + t]!);
      value += take * tierBonus(model, cf, t);
      rest -= take;
    }
  }
  return value;
}

describe('runMatching against an independent LP of the same model', () => {
  for (const mode of ['flow', 'one-to-one'] as const) {
    it(`${mode}: optimal, certified, feasible, and equal to javascript-lp-solver on random batches`, () => {
      fc.assert(
        fc.property(arbitraryBatch(), (batch) => {
          const result = runMatching(batch, defaultWeightProfile, { mode });
          expect(result.solve.status).toBe('optimal');
          expect(result.solve.gap).toBe(0);
          expect(result.solve.certificate.ok).toBe(true);
          expect(result.solve.bound).toBeGreaterThanOrEqual(result.solve.objective - 1e-9);
          checkFeasible(batch, result, mode);
          expect(close(result.solve.objective, oracleObjective(batch, defaultWeightProfile, mode))).toBe(true);
          expect(close(result.solve.objective, objectiveFromPairings(batch, defaultWeightProfile, mode, result))).toBe(true);
        }),
        { numRuns: mode === 'flow' ? 150 : 100, seed: 20261122 },
      );
    });
  }

  it('without spreading, the same holds (the tiers are optional)', () => {
    const weights = { ...defaultWeightProfile, spread: 0 };
    fc.assert(
      fc.property(arbitraryBatch(10, 8), (batch) => {
        const result = runMatching(batch, weights);
        expect(close(result.solve.objective, oracleObjective(batch, weights, 'flow'))).toBe(true);
      }),
      { numRuns: 50, seed: 7 },
    );
  });

  it('verify mode agrees with javascript-lp-solver on every component', () => {
    fc.assert(
      fc.property(arbitraryBatch(), (batch) => {
        const result = runMatching(batch, defaultWeightProfile, { verify: true });
        const v = result.solve.verification!;
        expect(v.agrees).toBe(true);
        expect(v.componentsChecked).toBe(result.solve.components);
        expect(close(v.objective, result.solve.objective)).toBe(true);
      }),
      { numRuns: 30, seed: 3 },
    );
  });

  it('is deterministic: the same batch gives the same result', () => {
    fc.assert(
      fc.property(arbitraryBatch(), (batch) => {
        const a = runMatching(batch, defaultWeightProfile);
        const b = runMatching(structuredClone(batch), defaultWeightProfile);
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { numRuns: 30, seed: 11 },
    );
  });
});
