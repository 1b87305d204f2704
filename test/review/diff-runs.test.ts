import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffPairings, pairKeyOf, type PairingLike } from '../../src/review/diff-runs.js';
import { reviewOptions, type ReviewedPairing } from '../../src/review/resolve-options.js';

const pairing = fc.record({
  need: fc.constantFrom('n1', 'n2', 'n3', 'n4', 'n5'),
  offer: fc.constantFrom('o1', 'o2', 'o3'),
  amount: fc.integer({ min: 1, max: 5 }),
  value: fc.integer({ min: 0, max: 100 }),
});
/** Pairing sets as the pipeline gives them: one pairing per (need, offer). */
const pairingSet = fc.uniqueArray(pairing, { selector: (p) => pairKeyOf(p), maxLength: 15 });

describe('diffPairings', () => {
  it('accounts for every pairing of both sides exactly once', () => {
    fc.assert(
      fc.property(pairingSet, pairingSet, (before, after) => {
        const { summary, added, removed, changed } = diffPairings(before, after);
        expect(summary.unchanged + summary.changed + summary.removed).toBe(before.length);
        expect(summary.unchanged + summary.changed + summary.added).toBe(after.length);
        const afterKeys = new Set(after.map(pairKeyOf));
        const beforeKeys = new Set(before.map(pairKeyOf));
        for (const r of removed) expect(afterKeys.has(pairKeyOf(r))).toBe(false);
        for (const a of added) expect(beforeKeys.has(pairKeyOf(a))).toBe(false);
        for (const c of changed) expect(c.amountAfter).not.toBe(c.amountBefore);
      }),
    );
  });

  it('names the reason of each removal from what the other side holds', () => {
    fc.assert(
      fc.property(pairingSet, pairingSet, (before, after) => {
        const rejected = new Set(before.filter((_, i) => i % 3 === 0).map(pairKeyOf));
        const { removed, summary } = diffPairings(before, after, rejected);
        for (const r of removed) {
          const needElsewhere = after.filter((p) => p.need === r.need);
          const offerElsewhere = after.filter((p) => p.offer === r.offer);
          if (rejected.has(pairKeyOf(r))) expect(r.reason.code).toBe('rejected');
          else if (needElsewhere.length > 0) expect(r.reason).toEqual({ code: 'need_reassigned', offers: needElsewhere.map((p) => p.offer).slice(0, 3) });
          else if (offerElsewhere.length > 0) expect(r.reason.code).toBe('capacity_reassigned');
          else expect(r.reason.code).toBe('dropped');
        }
        expect(summary.moved).toBe(summary.removed - summary.removedBy.rejected + summary.changed);
      }),
    );
  });

  it('finds nothing to report between a set and itself', () => {
    fc.assert(
      fc.property(pairingSet, (set) => {
        expect(diffPairings(set, [...set].reverse()).summary).toMatchObject({ added: 0, removed: 0, changed: 0, moved: 0, unchanged: set.length });
      }),
    );
  });

  it('reports a changed amount with both amounts', () => {
    const before: PairingLike[] = [{ need: 'n', offer: 'o', amount: 5, value: 10 }];
    const after: PairingLike[] = [{ need: 'n', offer: 'o', amount: 3, value: 6 }];
    expect(diffPairings(before, after).changed).toEqual([{ need: 'n', offer: 'o', amountBefore: 5, amountAfter: 3, valueBefore: 10, valueAfter: 6 }]);
  });
});

describe('reviewOptions', () => {
  const reviewed = fc.uniqueArray(
    fc.record({
      need: fc.constantFrom('n1', 'n2', 'n3', 'n4'),
      offer: fc.constantFrom('o1', 'o2', 'o3'),
      amount: fc.integer({ min: 1, max: 9 }),
      status: fc.constantFrom('proposed', 'approved', 'rejected') as fc.Arbitrary<ReviewedPairing['status']>,
    }),
    { selector: (p) => pairKeyOf(p), maxLength: 12 },
  );

  it('locks approvals with their amounts, forbids rejections (and earlier ones), keeps the rest as previous', () => {
    fc.assert(
      fc.property(reviewed, fc.uniqueArray(fc.record({ need: fc.constantFrom('n1', 'n9'), offer: fc.constantFrom('o1', 'o9') }), { selector: pairKeyOf }), (pairings, earlier) => {
        const o = reviewOptions(pairings, earlier);
        expect(o.locked).toEqual(pairings.filter((p) => p.status === 'approved').map(({ need, offer, amount }) => ({ need, offer, amount })));
        const forbidden = new Set(o.forbidden.map(pairKeyOf));
        expect(forbidden.size).toBe(o.forbidden.length);
        for (const p of [...pairings.filter((q) => q.status === 'rejected'), ...earlier]) expect(forbidden.has(pairKeyOf(p))).toBe(true);
        expect(o.previous.map(pairKeyOf).sort()).toEqual(pairings.filter((p) => p.status !== 'rejected').map(pairKeyOf).sort());
      }),
    );
  });
});
