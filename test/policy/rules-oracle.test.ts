import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runMatching } from '../../src/match/run-matching.js';
import { defaultWeightProfile } from '../../src/domain/weights.js';
import type { Batch } from '../../src/domain/batch-schema.js';
import type { PolicyOptionsInput } from '../../src/match/policy/options.js';
import { arbitraryPolicy, arbitraryPolicyBatch } from './arbitraries.js';
import { policyOracle } from './oracle.js';
import { brokenRules, coveredCommunities } from './check-rules.js';

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

/** District caps must name a district of the batch. */
function fitPolicy(batch: Batch, policy: PolicyOptionsInput): PolicyOptionsInput {
  if (!policy.budgets?.districts) return policy;
  const present = new Set(batch.communities.map((c) => c.district));
  const districts = Object.fromEntries(Object.entries(policy.budgets.districts).filter(([d]) => present.has(d)));
  return { ...policy, budgets: { ...policy.budgets, districts } };
}

const RULES: PolicyOptionsInput[] = [
  { allOrNothing: true },
  { minAllocation: true },
  { maxPairings: true },
  { coverageFloor: { needsMet: 1 } },
  { budgets: { districts: { 天宁区: 8 }, programmes: [{ id: 'P', max: 10, providerKinds: ['enterprise'] }] } },
  { bundles: true },
  { onePerOrganisation: { by: 'community' } },
  { onePerOrganisation: { by: 'provider' } },
  { noSecondFunding: true },
];

describe('policy rules against an independent MIP oracle (javascript-lp-solver)', () => {
  it('exact path, random rule sets: the oracle optimum, proven (gap 0), every rule kept', () => {
    fc.assert(
      fc.property(arbitraryPolicyBatch(), arbitraryPolicy(), (batch, raw) => {
        const policy = fitPolicy(batch, raw);
        const result = runMatching(batch, defaultWeightProfile, { policy });
        const oracle = policyOracle(batch, defaultWeightProfile, policy);
        expect(brokenRules(batch, policy, result)).toEqual([]);
        expect(result.policy?.violations ?? []).toEqual([]);
        expect(result.solve.bound).toBeGreaterThanOrEqual(result.solve.objective - 1e-9);
        if (policy.coverageFloor) expect(coveredCommunities(batch, policy, result)).toBe(oracle.covered);
        expect(close(result.solve.objective, oracle.value)).toBe(true);
        expect(result.solve.status).toBe('optimal');
        expect(result.solve.gap).toBe(0);
      }),
      { numRuns: 120, seed: 20261123 },
    );
  });

  for (const rule of RULES) {
    it(`${JSON.stringify(rule)} alone: the oracle optimum with gap 0`, () => {
      fc.assert(
        fc.property(arbitraryPolicyBatch(), (batch) => {
          const policy = fitPolicy(batch, { ...rule, relativeGap: 0 });
          const result = runMatching(batch, defaultWeightProfile, { policy });
          const oracle = policyOracle(batch, defaultWeightProfile, policy);
          expect(brokenRules(batch, policy, result)).toEqual([]);
          if (policy.coverageFloor) expect(coveredCommunities(batch, policy, result)).toBe(oracle.covered);
          expect(close(result.solve.objective, oracle.value)).toBe(true);
          expect(result.solve.gap).toBe(0);
        }),
        { numRuns: 40, seed: 7 },
      );
    });
  }

  it('flow core (MIP off): every rule kept, and bound >= oracle optimum >= objective', () => {
    fc.assert(
      fc.property(arbitraryPolicyBatch(), arbitraryPolicy(), (batch, raw) => {
        const policy = fitPolicy(batch, { ...raw, exactMaxArcs: 0 });
        const result = runMatching(batch, defaultWeightProfile, { policy });
        const oracle = policyOracle(batch, defaultWeightProfile, policy);
        if (!policy.coverageFloor || coveredCommunities(batch, policy, result) === oracle.covered) {
          expect(result.solve.objective).toBeLessThanOrEqual(oracle.value + 1e-6 * Math.max(1, oracle.value));
        }
        expect(result.solve.bound).toBeGreaterThanOrEqual(oracle.value - 1e-6 * Math.max(1, oracle.value));
        expect(brokenRules(batch, policy, result)).toEqual([]);
        expect((result.policy?.sets ?? []).every((s) => s.method !== 'mip')).toBe(true);
      }),
      { numRuns: 120, seed: 99 },
    );
  });
});
