/**
 * One test per class of bad input. Each breaks the valid fixture in a known way and expects
 * exactly the issues that break should cause (as `path code`), nothing more.
 */
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/domain/batch-schema.js';
import { validateBatch } from '../../src/intake/index.js';
import { issueKeys, looseBatch, onlyIssue, validBatch } from './fixtures.js';

const sorted = (keys: string[]): string[] => [...keys].sort();

describe('bad input: one class at a time', () => {
  it('the fixture itself is valid (so every issue below comes from the break)', () => {
    expect(issueKeys(validateBatch(validBatch()))).toEqual([]);
  });

  it('duplicate ids name the duplicate and the first use, in every list', () => {
    const b = looseBatch();
    b.communities.push({ ...b.communities[0], name: '另一个社区' }); // communities[2] repeats c1
    b.needs[1].id = 'n1';
    b.offers[1].id = 'o1';
    const r = validateBatch(b);
    expect(sorted(issueKeys(r))).toEqual(
      sorted(['communities[2].id duplicate_id', 'needs[1].id duplicate_id', 'offers[1].id duplicate_id']),
    );
    const community = r.ok ? undefined : r.issues.find((i) => i.path[0] === 'communities');
    expect(community?.message).toContain('communities[2]');
    expect(community?.message).toContain('communities[0]');
  });

  it('dangling references to communities, needs and offers', () => {
    const b = looseBatch();
    b.needs[0].community = 'c9';
    b.offers[0].preferredCommunities = ['c2', 'c3'];
    b.offers[1].excludedCommunities = ['lihua'];
    b.previousPairings = [{ need: 'n1', offer: 'o9' }, { need: 'n7', offer: 'o2' }];
    const r = validateBatch(b);
    expect(sorted(issueKeys(r))).toEqual(
      sorted([
        'needs[0].community unknown_reference',
        'offers[0].preferredCommunities[1] unknown_reference',
        'offers[1].excludedCommunities[0] unknown_reference',
        'previousPairings[0].offer unknown_reference',
        'previousPairings[1].need unknown_reference',
      ]),
    );
    expect(r.ok ? '' : r.issues[0]?.message).toContain('"c9"');
  });

  it('negative quantities and counts', () => {
    const b = looseBatch();
    b.needs[0].quantity = -3;
    b.offers[0].capacity = -1;
    b.communities[1].population = -10;
    expect(sorted(issueKeys(validateBatch(b)))).toEqual(
      sorted(['communities[1].population out_of_range', 'needs[0].quantity out_of_range', 'offers[0].capacity out_of_range']),
    );
  });

  it('a zero need quantity is refused but a zero offer capacity is allowed', () => {
    const b = looseBatch();
    b.needs[1].quantity = 0;
    b.offers[0].capacity = 0;
    b.offers[0].maxPairings = 2; // maxPairings with nothing to give is odd but harmless
    const r = validateBatch(b);
    expect(issueKeys(r)).toEqual(['needs[1].quantity out_of_range']);
    expect(r.ok ? '' : r.issues[0]?.message).toContain('at least 1');
  });

  it('non-integer quantities', () => {
    const b = looseBatch();
    b.needs[0].quantity = 2.5;
    b.communities[0].population = 100.5;
    b.offers[1].minAllocation = 0.1;
    const r = validateBatch(b);
    expect(sorted(issueKeys(r))).toEqual(
      sorted(['communities[0].population not_integer', 'needs[0].quantity not_integer', 'offers[1].minAllocation not_integer']),
    );
    expect(r.ok ? '' : r.issues.find((i) => i.path[0] === 'needs')?.message).toContain('2.5');
  });

  it('NaN and Infinity passed as JavaScript values through the API path', () => {
    const b = looseBatch();
    b.needs[0].quantity = Number.NaN;
    b.communities[0].location.lat = Number.POSITIVE_INFINITY;
    b.offers[0].radiusKm = Number.NEGATIVE_INFINITY;
    b.needs[1].urgency = Number.NaN;
    expect(sorted(issueKeys(validateBatch(b)))).toEqual(
      sorted([
        'communities[0].location.lat not_finite',
        'needs[0].quantity not_finite',
        'needs[1].urgency not_finite',
        'offers[0].radiusKm not_finite',
      ]),
    );
  });

  it('coordinates out of range', () => {
    const b = looseBatch();
    b.communities[0].location = { lat: 91, lon: -181 };
    b.offers[0].location = { lat: -90, lon: 180.5 }; // -90 is the pole: allowed
    expect(sorted(issueKeys(validateBatch(b)))).toEqual(
      sorted([
        'communities[0].location.lat out_of_range',
        'communities[0].location.lon out_of_range',
        'offers[0].location.lon out_of_range',
      ]),
    );
  });

  it('a window whose end is before its start, and impossible dates', () => {
    const b = looseBatch();
    b.needs[0].window = { start: '2025-06-30', end: '2025-03-01' };
    b.offers[1].window = { start: '2025-02-30', end: '2025/12/31' };
    expect(sorted(issueKeys(validateBatch(b)))).toEqual(
      sorted(['needs[0].window.end end_before_start', 'offers[1].window.start invalid_date', 'offers[1].window.end invalid_date']),
    );
  });

  it('strings and lists longer than LIMITS; exactly at the limit is fine', () => {
    const b = looseBatch();
    b.communities[0].name = '社'.repeat(LIMITS.nameLength + 1);
    b.communities[1].name = '社'.repeat(LIMITS.nameLength);
    b.needs[0].description = 'x'.repeat(LIMITS.textLength + 1);
    b.offers[1].id = 'o'.repeat(LIMITS.idLength + 1);
    b.needs[1].skills = Array.from({ length: LIMITS.listLength + 1 }, (_, i) => `skill${i}`);
    const r = validateBatch(b);
    expect(sorted(issueKeys(r))).toEqual(
      sorted([
        'communities[0].name too_long',
        'needs[0].description too_long',
        'needs[1].skills too_many',
        'offers[1].id too_long',
      ]),
    );
    // Characters, not UTF-16 units or bytes, are counted in the message.
    expect(r.ok ? '' : r.issues[0]?.message).toContain(`got ${LIMITS.nameLength + 1}`);
  });

  it('unknown fields, nested too, one issue per key with its own path', () => {
    const b = looseBatch();
    b.version = 2;
    b.communities[0].vulnerable = { elderly: 5, children: 1, disabled: 0, seniors: 5 };
    b.needs[1].quantiy = 3;
    b.needs[1].colour = 'red';
    b.offers[0].provider.phone = '0519-12345678';
    b.offers[0].location.alt = 10;
    const r = validateBatch(b);
    expect(sorted(issueKeys(r))).toEqual(
      sorted([
        'version unknown_field',
        'communities[0].vulnerable.seniors unknown_field',
        'needs[1].quantiy unknown_field',
        'needs[1].colour unknown_field',
        'offers[0].provider.phone unknown_field',
        'offers[0].location.alt unknown_field',
      ]),
    );
    const typo = r.ok ? undefined : r.issues.find((i) => i.path.includes('quantiy'));
    expect(typo?.hint).toContain('"quantity"');
  });

  it('unknown category, kind and unit values get the nearest valid id as a hint (ids, en and zh labels)', () => {
    const b = looseBatch();
    b.needs[0].category = 'eldrly';
    b.needs[1].category = '养老';
    b.needs[1].unit = '万元';
    b.offers[0].categories = ['legal aid'];
    b.offers[0].provider.kind = '志愿服务组织';
    b.communities[0].kind = 'Old estate';
    b.communities[1].kind = 'zzzz';
    const r = validateBatch(b);
    if (r.ok) throw new Error('test: expected issues');
    const hints = Object.fromEntries(r.issues.map((i) => [`${i.path.join('.')} ${i.code}`, i.hint]));
    expect(Object.keys(hints).sort()).toEqual(
      [
        'needs.0.category invalid_enum',
        'needs.1.category invalid_enum',
        'needs.1.unit invalid_enum',
        'offers.0.categories.0 invalid_enum',
        'offers.0.provider.kind invalid_enum',
        'communities.0.kind invalid_enum',
        'communities.1.kind invalid_enum',
      ].sort(),
    );
    expect(hints['needs.0.category invalid_enum']).toContain('"elderly"');
    expect(hints['needs.1.category invalid_enum']).toContain('"elderly"');
    expect(hints['needs.1.unit invalid_enum']).toContain('"wan_yuan"');
    expect(hints['offers.0.categories.0 invalid_enum']).toContain('"legal"');
    expect(hints['offers.0.provider.kind invalid_enum']).toContain('"volunteer"');
    expect(hints['communities.0.kind invalid_enum']).toContain('"old_estate"');
    expect(hints['communities.1.kind invalid_enum']).toBeUndefined();
  });

  it('a unit that does not measure the form, with the valid units as hint', () => {
    const b = looseBatch();
    b.needs[1].unit = 'hour'; // a funds need in hours
    b.offers[0].unit = 'item'; // a talent offer in items
    const r = validateBatch(b);
    expect(sorted(issueKeys(r))).toEqual(sorted(['needs[1].unit unit_form_mismatch', 'offers[0].unit unit_form_mismatch']));
    const hint = r.ok ? '' : (r.issues[0]?.hint ?? '');
    for (const unit of ['yuan', 'hundred_yuan', 'wan_yuan']) expect(hint).toContain(unit);
    expect(hint).not.toContain('hour');
  });

  it('a radius without a location (but not when the location is present and invalid)', () => {
    const b = looseBatch();
    delete b.offers[0].location;
    expect(onlyIssue(validateBatch(b)).code).toBe('radius_without_location');
    const c = looseBatch();
    c.offers[0].location = { lat: 100, lon: 119 };
    expect(issueKeys(validateBatch(c))).toEqual(['offers[0].location.lat out_of_range']);
  });

  it('minAllocation above capacity', () => {
    const b = looseBatch();
    b.offers[1].minAllocation = 501;
    expect(issueKeys(validateBatch(b))).toEqual(['offers[1].minAllocation min_allocation_exceeds_capacity']);
    b.offers[1].minAllocation = 500; // equal is fine
    expect(validateBatch(b).ok).toBe(true);
  });

  it('served districts that match no community, with the nearest district as hint', () => {
    const b = looseBatch();
    b.offers[1].districts = ['钟楼', '钟楼区', '溧阳市'];
    const r = validateBatch(b);
    expect(issueKeys(r)).toEqual(['offers[1].districts[0] unknown_district', 'offers[1].districts[2] unknown_district']);
    expect(r.ok ? '' : r.issues[0]?.hint).toContain('"钟楼区"');
  });

  it('a community both preferred and excluded', () => {
    const b = looseBatch();
    b.offers[0].preferredCommunities = ['c1'];
    b.offers[0].excludedCommunities = ['c2', 'c1'];
    expect(issueKeys(validateBatch(b))).toEqual(['offers[0].excludedCommunities[1] conflicting_preference']);
  });

  it('quantities that overflow the limit once converted to base units', () => {
    const b = looseBatch();
    // 200,000 万元 = 2e9 yuan > 1e9; 125,000,001 person-days = 1,000,000,008 hours > 1e9.
    b.needs[1].quantity = 200_000;
    b.needs[0].quantity = 125_000_001;
    b.offers[0].capacity = 125_000_000; // hours: stays as given, within the limit
    b.offers[1].capacity = 10_000_001; // hundred_yuan → 1,000,000,100 yuan
    expect(sorted(issueKeys(validateBatch(b)))).toEqual(
      sorted(['needs[0].quantity quantity_overflow', 'needs[1].quantity quantity_overflow', 'offers[1].capacity quantity_overflow']),
    );
  });

  it('not an object at all, or sections of the wrong type', () => {
    expect(issueKeys(validateBatch(null))).toEqual(['(root) invalid_type']);
    expect(issueKeys(validateBatch([]))).toEqual(['(root) invalid_type']);
    expect(sorted(issueKeys(validateBatch({ communities: {}, offers: [] })))).toEqual(
      sorted(['communities invalid_type', 'needs missing_field']),
    );
  });
});
