import { describe, expect, it } from 'vitest';
import { CANONICAL_UNIT, UNITS, toCanonical } from '../../src/domain/units.js';
import { SUPPORT_FORM_IDS } from '../../src/domain/taxonomy.js';

describe('units', () => {
  it('every form has a canonical unit of factor 1 that belongs to it', () => {
    for (const form of SUPPORT_FORM_IDS) {
      const unit = UNITS[CANONICAL_UNIT[form]];
      expect(unit.form).toBe(form);
      expect(unit.factor).toBe(1);
    }
  });
  it('converts 3 万元 to 30,000 yuan and 2 person-days to 16 hours', () => {
    expect(toCanonical(3, 'wan_yuan')).toBe(30_000);
    expect(toCanonical(2, 'person_day')).toBe(16);
  });
});
