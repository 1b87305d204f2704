import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runMatching } from '../../src/match/run-matching.js';
import { defaultWeightProfile } from '../../src/domain/weights.js';
import { arbitraryPolicyBatch } from '../policy/arbitraries.js';

describe('price of fairness', () => {
  it('never negative when every compared run is proven optimal, and the parts match their runs', () => {
    fc.assert(
      fc.property(arbitraryPolicyBatch(7, 4), (batch) => {
        const policy = { coverageFloor: { needsMet: 1 }, relativeGap: 0 };
        const result = runMatching(batch, defaultWeightProfile, { policy, reports: { priceOfFairness: true } });
        const pof = result.priceOfFairness!;
        const value = result.pairings.reduce((s, p) => s + p.value, 0);
        expect(pof.asRun).toBeCloseTo(value, 9);
        const alone = runMatching(batch, { ...defaultWeightProfile, spread: 0 }, {});
        expect(pof.withoutEither).toBeCloseTo(alone.pairings.reduce((s, p) => s + p.value, 0), 9);
        if (pof.allProven) {
          // Dropping the floor or the spreading bonus can only free the pure-value optimum.
          expect(pof.coverageFloorCost).toBeGreaterThanOrEqual(-1e-6);
          expect(pof.spreadCost).toBeGreaterThanOrEqual(-1e-6);
          expect(pof.cost).toBeGreaterThanOrEqual(-1e-6);
          expect(pof.communitiesCoveredAsRun).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 25, seed: 31 },
    );
  });
});
