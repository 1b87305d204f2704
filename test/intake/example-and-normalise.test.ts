import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CANONICAL_UNIT } from '../../src/domain/units.js';
import { defaultWeightProfile } from '../../src/domain/weights.js';
import { normaliseBatch, parseBatch, parseWeightProfile, validateBatch, validateWeightProfile } from '../../src/intake/index.js';
import { issueKeys, validBatch } from './fixtures.js';
import type { Batch } from '../../src/domain/batch-schema.js';

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('the example batch', () => {
  it('loads, with every quantity in its canonical unit', () => {
    const r = parseBatch(read('data/example-batch.json'));
    expect(issueKeys(r)).toEqual([]);
    if (!r.ok) return;
    expect(r.batch.communities).toHaveLength(5);
    expect(r.batch.needs.length).toBeGreaterThanOrEqual(8);
    for (const n of r.batch.needs) expect(n.unit).toBe(CANONICAL_UNIT[n.form]);
    for (const o of r.batch.offers) expect(o.unit).toBe(CANONICAL_UNIT[o.form]);
    // 3 万元 for the handrails, written as such in the file.
    expect(r.batch.needs.find((n) => n.id === 'n-lihua-handrails')?.quantity).toBe(30_000);
  });
});

describe('normalisation', () => {
  it('converts 万元, 百元 and person-days to yuan and hours, minAllocation included', () => {
    const r = validateBatch(validBatch());
    if (!r.ok) throw new Error(issueKeys(r).join('; '));
    const [n1, n2] = r.batch.needs;
    expect(n1).toMatchObject({ quantity: 24, unit: 'hour' }); // 3 person-days × 8 hours
    expect(n2).toMatchObject({ quantity: 20_000, unit: 'yuan' }); // 2 万元
    const [o1, o2] = r.batch.offers;
    expect(o1).toMatchObject({ capacity: 100, unit: 'hour' }); // already canonical
    expect(o2).toMatchObject({ capacity: 50_000, unit: 'yuan', minAllocation: 1_000 }); // 500 and 10 百元
  });

  it('is pure: the input batch is left as it was', () => {
    const r = validateBatch(validBatch());
    if (!r.ok) throw new Error('fixture invalid');
    const raw: Batch = { ...r.batch, needs: [{ ...r.batch.needs[1]!, quantity: 2, unit: 'wan_yuan' }] };
    const copy = structuredClone(raw);
    const out = normaliseBatch(raw);
    expect(raw).toEqual(copy);
    expect(out.needs[0]?.quantity).toBe(20_000);
  });
});

describe('weight profiles', () => {
  it('data/weights/default.json equals defaultWeightProfile and validates', () => {
    const text = read('data/weights/default.json');
    expect(JSON.parse(text)).toEqual(defaultWeightProfile);
    const r = parseWeightProfile(text);
    expect(r.ok && r.profile).toEqual(defaultWeightProfile);
  });

  it('refuses a profile whose fit weights are all zero', () => {
    const zero = { ...defaultWeightProfile, fit: { category: 0, skills: 0, distance: 0, continuity: 0, preference: 0 } };
    expect(issueKeys(validateWeightProfile(zero))).toEqual(['fit all_zero_weights']);
    const one = { ...zero, fit: { ...zero.fit, continuity: 0.1 } };
    expect(validateWeightProfile(one).ok).toBe(true);
  });

  it('names every bad field at once, with a hint for a misspelt one', () => {
    const bad = { ...defaultWeightProfile, spread: -1, spreadTiers: 1.5, value: { ...defaultWeightProfile.value, urgncy: 1 } };
    const r = validateWeightProfile(bad);
    expect([...issueKeys(r)].sort()).toEqual(
      ['spread out_of_range', 'spreadTiers not_integer', 'value.urgncy unknown_field'].sort(),
    );
    expect(r.ok ? '' : r.issues.find((i) => i.code === 'unknown_field')?.hint).toContain('"urgency"');
  });

  it('reports malformed weight JSON with its position', () => {
    expect(issueKeys(parseWeightProfile('{"name": "x",\n "fit": {]}'))).toEqual(['(root) malformed_json']);
  });
});
