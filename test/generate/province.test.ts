/**
 * The province family at full size (generation takes ~5 s): counts and the frame of thirteen
 * cities. Schema validation and density at this size are left to
 * `npx tsx test/generate/measure-density.ts province 1`, to keep the suite fast.
 */
import { describe, expect, it } from 'vitest';
import { FAMILIES, generateBatch } from '../../src/generate/index.js';

describe('generate: province', () => {
  it('has 12,000 communities, 92,000 micro-wishes + 8,000 projects and 30,000 offers in 13 cities', () => {
    const batch = generateBatch('province', 1);
    const spec = FAMILIES.province;
    expect(batch.communities).toHaveLength(12_000);
    let wishes = 0;
    for (const n of batch.needs) if (n.kind === 'micro_wish') wishes++;
    expect(wishes).toBe(92_000);
    expect(batch.needs.length - wishes).toBe(8_000);
    expect(batch.offers).toHaveLength(spec.offers);
    expect(new Set(batch.needs.map((n) => n.id)).size).toBe(100_000);
    expect(new Set(batch.communities.map((c) => c.id)).size).toBe(12_000);
    // 13 cities of 4–8 districts (常州 keeps its 7): between 13·4 and 13·8 districts with communities.
    const districts = new Set(batch.communities.map((c) => c.district));
    expect(districts.size).toBeGreaterThanOrEqual(13 * 4 - 2);
    expect(districts.size).toBeLessThanOrEqual(13 * 8);
    for (const d of ['天宁区', '溧阳市']) expect(districts).toContain(d);
    const cities = new Set(batch.offers.map((o) => /^(南京|无锡|徐州|常州|苏州|南通|连云港|淮安|盐城|扬州|镇江|泰州|宿迁)/u.exec(o.provider.name)?.[1]).filter(Boolean));
    expect(cities.size).toBe(13);
  });
});
