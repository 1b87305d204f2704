import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { runMatching } from '../../src/match/run-matching.js';
import { defaultWeightProfile } from '../../src/domain/weights.js';
import { loadBatchOrThrow } from '../../src/intake/index.js';
import type { Batch } from '../../src/domain/batch-schema.js';
import { brokenRules } from './check-rules.js';

/** The Changzhou sample's first k communities with their needs, and every offer. */
function region(k: number): Batch {
  const batch = loadBatchOrThrow(readFileSync('data/sample-changzhou.json', 'utf8'));
  const keep = new Set(batch.communities.slice(0, k).map((c) => c.id));
  return { ...batch, communities: batch.communities.filter((c) => keep.has(c.id)), needs: batch.needs.filter((n) => keep.has(n.community)) };
}

const rules = { allOrNothing: true, maxPairings: true, minAllocation: true, onePerOrganisation: { by: 'community' as const }, coverageFloor: { needsMet: 1 }, relativeGap: 0, exactMaxArcs: 0 };

describe('time limit', () => {
  it('a run that hits its limit says so, keeps every rule, and its bound still holds', () => {
    const batch = region(30);
    const full = runMatching(batch, defaultWeightProfile, { policy: { ...rules, timeLimitSeconds: 60 } }, () => performance.now());
    const cut = runMatching(batch, defaultWeightProfile, { policy: { ...rules, timeLimitSeconds: 0.001 } }, () => performance.now());
    expect(cut.solve.timeLimitReached).toBe(true);
    expect(cut.solve.status).toBe('feasible');
    expect(brokenRules(batch, rules, cut)).toEqual([]);
    // Both bounds are proven, so each is at least the other run's objective.
    expect(cut.solve.bound).toBeGreaterThanOrEqual(full.solve.objective - 1e-6);
    expect(full.solve.bound).toBeGreaterThanOrEqual(cut.solve.objective - 1e-6);
  });

  it('the exact path under a tiny time limit still keeps every rule, with a valid bound', () => {
    const batch = region(12);
    const cut = runMatching(batch, defaultWeightProfile, { policy: { ...rules, exactMaxArcs: 100_000, timeLimitSeconds: 0.001 } }, () => performance.now());
    const exact = runMatching(batch, defaultWeightProfile, { policy: { ...rules, exactMaxArcs: 100_000 } });
    expect(exact.solve.status).toBe('optimal');
    expect(cut.solve.bound).toBeGreaterThanOrEqual(exact.solve.objective - 1e-6);
    expect(cut.solve.objective).toBeLessThanOrEqual(exact.solve.objective + 1e-6);
    expect(brokenRules(batch, rules, cut)).toEqual([]);
  });
});

describe('determinism', () => {
  it('a run with rules gives the same result twice (no clock, no randomness)', () => {
    const batch = region(20);
    const policy = { ...rules, budgets: { districts: { 天宁区: 100000 } }, bundles: true, relativeGap: 0.001 };
    const a = runMatching(batch, defaultWeightProfile, { policy, reports: { prices: true } });
    const b = runMatching(structuredClone(batch), defaultWeightProfile, { policy, reports: { prices: true } });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});
