import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findCandidates } from '../../src/match/candidates/find-candidates.js';
import { HARD_RULES, HARD_RULE_NAMES, categoryMask } from '../../src/match/candidates/rules.js';
import { acceptedCategories } from '../../src/match/candidates/find-candidates.js';
import { indexBatch } from '../../src/match/model/batch-index.js';
import { arbitraryBatch, batch, community, need, offer } from '../support/batch-builders.js';

const options = { relatedCategoryFit: 0.6, forbidden: [], forced: [], mode: 'flow' as const };

describe('findCandidates', () => {
  it('admits exactly the pairs every rule passes, and charges each removed pair to its first failing rule', () => {
    fc.assert(
      fc.property(arbitraryBatch(10, 8), (b) => {
        const index = indexBatch(b);
        const set = findCandidates(index, options);
        const expected = new Set<string>();
        const removed = Object.fromEntries(HARD_RULE_NAMES.map((r) => [r, 0])) as Record<string, number>;
        b.needs.forEach((n, ni) => {
          if (!n.pooled) return;
          b.offers.forEach((o, oi) => {
            const f = { offer: o, need: n, community: b.communities[index.needCommunity[ni]!]!, offerCategoryMask: categoryMask(o.categories), acceptedCategoryMask: categoryMask(acceptedCategories(n.category, 0.6)), isForbidden: () => false, oneToOneShare: undefined };
            const failed = HARD_RULE_NAMES.find((r) => !HARD_RULES[r](f));
            if (failed) removed[failed]!++;
            else expected.add(`${ni}:${oi}`);
          });
        });
        const got = new Set(Array.from({ length: set.count }, (_, e) => `${set.need[e]}:${set.offer[e]}`));
        expect(got).toEqual(expected);
        expect(set.removedBy).toEqual(removed);
        const total = Object.values(set.removedBy).reduce((a, x) => a + x, 0);
        expect(total + set.count).toBe(set.pairsConsidered);
      }),
      { numRuns: 100, seed: 5 },
    );
  });

  it('leaves needs that are not pooled out, and records per-need exclusions', () => {
    const b = batch(
      [community('C1')],
      [need('N1', 'C1', { pooled: false }), need('N2', 'C1', { category: 'legal' })],
      [offer('O1'), offer('O2', { form: 'funds' })],
    );
    const set = findCandidates(indexBatch(b), options);
    expect(set.count).toBe(0);
    expect(Array.from(set.pooled)).toEqual([0, 1]);
    const R = HARD_RULE_NAMES.length;
    expect(set.removedByNeed[1 * R + HARD_RULE_NAMES.indexOf('form')]).toBe(1);
    expect(set.removedByNeed[1 * R + HARD_RULE_NAMES.indexOf('category')]).toBe(1);
    expect(set.pairsConsidered).toBe(2);
  });

  it('appends forced (locked) pairs that the rules would not admit, once', () => {
    const b = batch([community('C1')], [need('N1', 'C1', { category: 'legal' })], [offer('O1')]);
    const set = findCandidates(indexBatch(b), { ...options, forced: [{ need: 'N1', offer: 'O1' }, { need: 'N1', offer: 'O1' }] });
    expect(set.count).toBe(1);
  });
});
