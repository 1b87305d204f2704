import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/domain/batch-schema.js';
import { CANONICAL_UNIT, UNITS } from '../../src/domain/units.js';
import { parseBatch, validateBatch, validateWeightProfile } from '../../src/intake/index.js';
import { allPaths, replaceAt, validBatchArbitrary } from './arbitraries.js';
import { issueKeys, validBatch } from './fixtures.js';

/** Whether the parent of `path` exists in `input` (every issue must point into the document). */
function parentExists(input: unknown, path: ReadonlyArray<string | number>): boolean {
  let node = input;
  for (const seg of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return false;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return node !== null && typeof node === 'object';
}

const BASE = validBatch();
const BASE_PATHS = allPaths(BASE);

/** The valid fixture with one arbitrary value (NaN, objects, strings, ...) put anywhere in it. */
const mutatedBatch = fc
  .tuple(fc.constantFrom(...BASE_PATHS), fc.anything({ withObjectString: true, withNullPrototype: true }))
  .map(([path, value]) => replaceAt(BASE, path, value));

describe('intake properties', () => {
  it('validateBatch never throws and every issue points into the document', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue(), mutatedBatch, mutatedBatch), (value) => {
        const r = validateBatch(value);
        if (r.ok) return;
        expect(r.issues.length).toBeGreaterThan(0);
        for (const issue of r.issues) {
          expect(typeof issue.code).toBe('string');
          expect(issue.message.length).toBeGreaterThan(0);
          if (issue.path.length > 0) expect(parentExists(value, issue.path)).toBe(true);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('parseBatch and validateWeightProfile never throw on arbitrary text and values', () => {
    fc.assert(
      fc.property(fc.string(), fc.anything(), (text, value) => {
        expect(typeof parseBatch(text).ok).toBe('boolean');
        expect(typeof validateWeightProfile(value).ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('every valid batch is accepted and comes out with whole quantities in canonical units', () => {
    fc.assert(
      fc.property(validBatchArbitrary, (input) => {
        const r = validateBatch(input);
        expect(issueKeys(r)).toEqual([]);
        if (!r.ok) return;
        r.batch.needs.forEach((need, i) => {
          const raw = input.needs[i]!;
          expect(need.unit).toBe(CANONICAL_UNIT[need.form]);
          expect(Number.isSafeInteger(need.quantity)).toBe(true);
          expect(need.quantity).toBe(raw.quantity * UNITS[raw.unit].factor);
          expect(need.quantity).toBeLessThanOrEqual(LIMITS.quantityMax);
        });
        r.batch.offers.forEach((offer, i) => {
          const raw = input.offers[i]!;
          const factor = UNITS[raw.unit].factor;
          expect(offer.unit).toBe(CANONICAL_UNIT[offer.form]);
          expect(Number.isSafeInteger(offer.capacity)).toBe(true);
          expect(offer.capacity).toBe(raw.capacity * factor);
          if (raw.minAllocation !== undefined) expect(offer.minAllocation).toBe(raw.minAllocation * factor);
        });
      }),
      { numRuns: 300 },
    );
  });
});
