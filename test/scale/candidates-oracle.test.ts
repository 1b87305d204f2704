import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findCandidates, acceptedCategories, oneToOneShare } from '../../src/match/candidates/find-candidates.js';
import { HARD_RULES, HARD_RULE_NAMES, categoryMask, type PairFacts } from '../../src/match/candidates/rules.js';
import { indexBatch } from '../../src/match/model/batch-index.js';
import { pairKey } from '../../src/match/model/batch-index.js';
import { CATEGORY_IDS, SUPPORT_FORM_IDS } from '../../src/domain/taxonomy.js';
import type { Batch } from '../../src/domain/batch-schema.js';
import { batch, community, need, offer } from '../support/batch-builders.js';

const date = fc.integer({ min: 0, max: 60 }).map((d) => new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10));
const window = fc.option(fc.tuple(date, date).map(([a, b]) => (a <= b ? { start: a, end: b } : { start: b, end: a })), { nil: undefined });
const skills = fc.subarray(['first_aid', 'legal', 'driving']);
const districts = ['天宁区', '钟楼区', '新北区'];

/** Random batches that exercise every hard rule: districts, radii (and none), windows, skills, exclusions, shares. */
const richBatch: fc.Arbitrary<Batch> = fc
  .record({
    communities: fc.array(fc.record({ lat: fc.double({ min: 31.0, max: 32.2, noNaN: true }), lon: fc.double({ min: 119.0, max: 120.4, noNaN: true }), district: fc.constantFrom(...districts) }), { minLength: 1, maxLength: 8 }),
    needs: fc.array(
      fc.record({ c: fc.nat(), category: fc.constantFrom(...CATEGORY_IDS.slice(0, 5)), form: fc.constantFrom(...SUPPORT_FORM_IDS.slice(0, 2)), quantity: fc.integer({ min: 1, max: 9 }), partial: fc.boolean(), window, skills, pooled: fc.integer({ min: 0, max: 7 }) }),
      { maxLength: 14 },
    ),
    offers: fc.array(
      fc.record({
        categories: fc.uniqueArray(fc.constantFrom(...CATEGORY_IDS.slice(0, 5)), { minLength: 1, maxLength: 3 }),
        form: fc.constantFrom(...SUPPORT_FORM_IDS.slice(0, 2)),
        capacity: fc.integer({ min: 0, max: 12 }),
        place: fc.option(fc.record({ lat: fc.double({ min: 31.0, max: 32.2, noNaN: true }), lon: fc.double({ min: 119.0, max: 120.4, noNaN: true }), radius: fc.option(fc.double({ min: 0.5, max: 60, noNaN: true }), { nil: undefined }) }), { nil: undefined }),
        districts: fc.subarray(districts, { maxLength: 2 }),
        window,
        skills,
        excluded: fc.subarray([0, 1, 2, 3]),
        maxPairings: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
      }),
      { maxLength: 10 },
    ),
  })
  .map(({ communities: cs, needs: ns, offers: os }) => {
    const comms = cs.map((c, i) => community(`C${i}`, { location: { lat: c.lat, lon: c.lon }, district: c.district }));
    return batch(
      comms,
      ns.map((n, i) =>
        need(`N${i}`, `C${n.c % comms.length}`, { category: n.category, form: n.form, quantity: n.quantity, partial: n.partial, skills: n.skills, pooled: n.pooled !== 0, ...(n.window ? { window: n.window } : {}) }),
      ),
      os.map((o, i) =>
        offer(`O${i}`, {
          categories: o.categories,
          form: o.form,
          capacity: o.capacity,
          districts: o.districts,
          skills: o.skills,
          excludedCommunities: o.excluded.filter((c) => c < comms.length).map((c) => `C${c}`),
          ...(o.place ? { location: { lat: o.place.lat, lon: o.place.lon }, ...(o.place.radius !== undefined ? { radiusKm: o.place.radius } : {}) } : {}),
          ...(o.window ? { window: o.window } : {}),
          ...(o.maxPairings !== undefined ? { maxPairings: o.maxPairings } : {}),
        }),
      ),
    );
  });

describe('candidates from the spatial index and typed columns', () => {
  it('are exactly the pairs the named rules admit over all pairs, with each removed pair charged to its first failing rule', () => {
    fc.assert(
      fc.property(richBatch, fc.constantFrom('flow' as const, 'one-to-one' as const), fc.constantFrom(0, 0.6), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }), (b, mode, related, forbid) => {
        const forbidden = b.needs.length && b.offers.length ? forbid.map(([n, o]) => ({ need: b.needs[n % b.needs.length]!.id, offer: b.offers[o % b.offers.length]!.id })) : [];
        const index = indexBatch(b);
        const set = findCandidates(index, { relatedCategoryFit: related, forbidden, forced: [], mode });
        const forbiddenKeys = new Set(forbidden.map((p) => pairKey(p.need, p.offer)));
        const expected: string[] = [];
        const removed = Object.fromEntries(HARD_RULE_NAMES.map((r) => [r, 0])) as Record<string, number>;
        b.needs.forEach((n, ni) => {
          if (!n.pooled) return;
          b.offers.forEach((o, oi) => {
            const facts: PairFacts = {
              offer: o,
              need: n,
              community: b.communities[index.needCommunity[ni]!]!,
              offerCategoryMask: categoryMask(o.categories),
              acceptedCategoryMask: categoryMask(acceptedCategories(n.category, related)),
              isForbidden: (need, off) => forbiddenKeys.has(pairKey(need, off)),
              oneToOneShare: mode === 'one-to-one' ? oneToOneShare(o) : undefined,
            };
            const failed = HARD_RULE_NAMES.find((r) => !HARD_RULES[r](facts));
            if (failed) removed[failed]!++;
            else expected.push(`${ni}:${oi}`);
          });
        });
        // Sorted by need, then offer, as the set promises.
        expect(Array.from({ length: set.count }, (_, e) => `${set.need[e]}:${set.offer[e]}`)).toEqual(expected);
        expect(set.removedBy).toEqual(removed);
        expect(Object.values(set.removedBy).reduce((a, x) => a + x, 0) + set.count).toBe(set.pairsConsidered);
      }),
      { numRuns: 400, seed: 41 },
    );
  });
});
