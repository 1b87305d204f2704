/**
 * Generated batches of the changzhou and city families: valid, the right size, realistic in the
 * ways the brief names (units, ranges, shares, geography), and consistent across records.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BatchSchema, type BatchInput } from '../../src/domain/batch-schema.js';
import { CATEGORY_IDS, SUPPORT_FORM_IDS } from '../../src/domain/taxonomy.js';
import { UNITS, toCanonical } from '../../src/domain/units.js';
import { validateBatch } from '../../src/intake/index.js';
import { FAMILIES, generateBatch, type FamilyId } from '../../src/generate/index.js';

const batches = new Map<FamilyId, BatchInput>();
beforeAll(() => {
  batches.set('changzhou', generateBatch('changzhou', 1));
  batches.set('city', generateBatch('city', 1));
});
const get = (family: FamilyId): BatchInput => batches.get(family) as BatchInput;
const share = <T>(items: readonly T[], test: (item: T) => boolean): number => items.filter(test).length / items.length;

describe.each(['changzhou', 'city'] as const)('generateBatch(%s, 1)', (family) => {
  it('validates against BatchSchema and passes intake (cross-record checks)', () => {
    const batch = get(family);
    const parsed = BatchSchema.safeParse(batch);
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 3)).toEqual([]);
    const intake = validateBatch(JSON.parse(JSON.stringify(batch)));
    expect(intake.ok ? [] : intake.issues.slice(0, 3)).toEqual([]);
  });

  it('has the family sizes', () => {
    const batch = get(family);
    const spec = FAMILIES[family];
    expect(batch.communities).toHaveLength(spec.communities);
    expect(batch.needs.filter((n) => n.kind === 'project')).toHaveLength(spec.projects);
    expect(batch.needs.filter((n) => n.kind === 'micro_wish')).toHaveLength(spec.microWishes);
    expect(batch.offers).toHaveLength(spec.offers);
    expect(batch.communities.filter((c) => c.pilot)).toHaveLength(spec.pilots);
    expect(batch.previousPairings ?? []).toHaveLength(spec.previousPairings);
  });

  it('has unique, well-formed ids and only references that exist', () => {
    const batch = get(family);
    const communityIds = batch.communities.map((c) => c.id);
    const needIds = batch.needs.map((n) => n.id);
    const offerIds = batch.offers.map((o) => o.id);
    for (const ids of [communityIds, needIds, offerIds]) expect(new Set(ids).size).toBe(ids.length);
    expect(communityIds.every((id) => /^C\d{4,}$/.test(id))).toBe(true);
    expect(offerIds.every((id) => /^O\d{4,}$/.test(id))).toBe(true);
    for (const need of batch.needs) expect(need.id).toMatch(need.kind === 'project' ? /^N\d{4,}$/ : /^W\d{4,}$/);
    const known = new Set(communityIds);
    expect(batch.needs.every((n) => known.has(n.community))).toBe(true);
    for (const offer of batch.offers) {
      for (const c of [...(offer.preferredCommunities ?? []), ...(offer.excludedCommunities ?? [])]) expect(known.has(c)).toBe(true);
    }
  });

  it('uses every category and form among needs, every form and the four forces among offers', () => {
    const batch = get(family);
    expect(new Set(batch.needs.map((n) => n.category))).toEqual(new Set(CATEGORY_IDS));
    expect(new Set(batch.needs.map((n) => n.form))).toEqual(new Set(SUPPORT_FORM_IDS));
    expect(new Set(batch.offers.map((o) => o.form))).toEqual(new Set(SUPPORT_FORM_IDS));
    const kinds = new Set(batch.offers.map((o) => o.provider.kind));
    for (const kind of ['association', 'enterprise', 'social_work', 'volunteer'] as const) expect(kinds).toContain(kind);
  });

  it('writes every quantity in a unit of its form', () => {
    const batch = get(family);
    for (const n of batch.needs) expect(UNITS[n.unit].form).toBe(n.form);
    for (const o of batch.offers) expect(UNITS[o.unit].form).toBe(o.form);
  });

  it('draws elderly most often and keeps 一老一小一新 prominent', () => {
    const batch = get(family);
    const counts = new Map<string, number>();
    for (const n of batch.needs) counts.set(n.category, (counts.get(n.category) ?? 0) + 1);
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
    expect(ranked[0]).toBe('elderly');
    expect(ranked.slice(0, 5)).toContain('children');
    expect(ranked.slice(0, 7)).toContain('new_employment');
  });

  it('sizes needs realistically', () => {
    const batch = get(family);
    for (const n of batch.needs) {
      const amount = toCanonical(n.quantity, n.unit);
      expect(n.urgency).toBeGreaterThanOrEqual(1);
      expect(n.urgency).toBeLessThanOrEqual(5);
      if (n.kind === 'micro_wish') {
        expect(n.partial).toBe(false);
        expect(n.beneficiaries).toBeGreaterThanOrEqual(1);
        expect(n.beneficiaries).toBeLessThanOrEqual(3);
        if (n.form === 'funds') expect(amount).toBeGreaterThanOrEqual(50);
        if (n.form === 'funds') expect(amount).toBeLessThanOrEqual(500);
        if (n.form === 'goods') expect(amount).toBeLessThanOrEqual(3);
      } else {
        expect(n.beneficiaries).toBeGreaterThanOrEqual(20);
        expect(n.beneficiaries).toBeLessThanOrEqual(2000);
        const range = { funds: [5_000, 500_000], talent: [8, 400], goods: [1, 200], tech: [1, 30] }[n.form];
        expect(amount).toBeGreaterThanOrEqual(range[0] as number);
        expect(amount).toBeLessThanOrEqual(range[1] as number);
      }
      if (n.window) {
        expect(n.window.start >= '2026-01-01' && n.window.end <= '2027-12-31' && n.window.start <= n.window.end).toBe(true);
      }
    }
    const projects = batch.needs.filter((n) => n.kind === 'project');
    const funds = projects.filter((n) => n.form === 'funds').map((n) => toCanonical(n.quantity, n.unit)).sort((a, b) => a - b);
    expect(funds[Math.floor(funds.length / 2)]).toBeLessThan(50_000); // skewed small
    expect(share(projects, (n) => n.partial === false)).toBeGreaterThan(0.1);
    expect(share(projects, (n) => n.partial === false)).toBeLessThan(0.3);
    expect(share(batch.needs, (n) => n.pooled === false)).toBeGreaterThan(0.005);
    expect(share(batch.needs, (n) => n.pooled === false)).toBeLessThan(0.06);
    expect(share(batch.needs, (n) => n.window !== undefined)).toBeGreaterThan(0.4);
    expect(share(batch.needs, (n) => n.window !== undefined)).toBeLessThan(0.6);
    expect(share(batch.needs, (n) => (n.skills ?? []).length > 0)).toBeGreaterThan(0.03);
  });

  it('offers 55–95 % of each form’s pooled demand', () => {
    const batch = get(family);
    for (const form of SUPPORT_FORM_IDS) {
      const demand = batch.needs.filter((n) => n.form === form && n.pooled !== false).reduce((s, n) => s + toCanonical(n.quantity, n.unit), 0);
      const supply = batch.offers.filter((o) => o.form === form).reduce((s, o) => s + toCanonical(o.capacity, o.unit), 0);
      expect(supply / demand).toBeGreaterThan(0.55);
      expect(supply / demand).toBeLessThan(0.95);
    }
  });

  it('gives offers 1–4 categories, wider radii to associations than to volunteer teams, and limits to some', () => {
    const batch = get(family);
    const meanRadius = (kind: string): number => {
      const radii = batch.offers.filter((o) => o.provider.kind === kind && o.radiusKm !== undefined).map((o) => o.radiusKm as number);
      return radii.reduce((s, r) => s + r, 0) / radii.length;
    };
    expect(meanRadius('association')).toBeGreaterThan(2 * meanRadius('volunteer'));
    for (const o of batch.offers) {
      expect(o.categories.length).toBeGreaterThanOrEqual(1);
      expect(o.categories.length).toBeLessThanOrEqual(4);
      expect(o.radiusKm !== undefined || (o.districts ?? []).length > 0).toBe(true);
      if (o.minAllocation !== undefined) expect(o.minAllocation).toBeLessThan(o.capacity);
    }
    for (const optional of ['maxPairings', 'minAllocation', 'window'] as const) {
      expect(share(batch.offers, (o) => o[optional] !== undefined)).toBeGreaterThan(0.05);
    }
    expect(share(batch.offers, (o) => o.radiusKm === undefined)).toBeGreaterThan(0.03);
  });

  it('names places and providers in Chinese and keeps population and vulnerable counts plausible', () => {
    const batch = get(family);
    const han = /^\p{Script=Han}+$/u;
    for (const c of batch.communities) {
      expect(c.name).toMatch(han);
      expect(c.street).toMatch(/^\p{Script=Han}+(街道|镇)$/u);
      expect(c.population).toBeGreaterThanOrEqual(1500);
      expect(c.population).toBeLessThanOrEqual(25_000);
      const v = c.vulnerable ?? { elderly: 0, children: 0, disabled: 0 };
      expect(v.elderly + v.children + v.disabled).toBeLessThan(c.population * 0.6);
      expect(v.elderly).toBeGreaterThan(c.population * 0.05);
    }
    for (const o of batch.offers) expect(o.provider.name).toMatch(/\p{Script=Han}{4,}/u);
  });
});

describe('changzhou geography', () => {
  it('places the seven districts at their real positions (金坛 and 溧阳 to the south-west)', () => {
    const batch = get('changzhou');
    const centre = (district: string): { lat: number; lon: number } => {
      const cs = batch.communities.filter((c) => c.district === district);
      expect(cs.length).toBeGreaterThan(0);
      return {
        lat: cs.reduce((s, c) => s + c.location.lat, 0) / cs.length,
        lon: cs.reduce((s, c) => s + c.location.lon, 0) / cs.length,
      };
    };
    const districts = ['天宁区', '钟楼区', '新北区', '武进区', '金坛区', '溧阳市', '经开区'];
    expect(new Set(batch.communities.map((c) => c.district))).toEqual(new Set(districts));
    for (const c of batch.communities) {
      expect(c.location.lat).toBeGreaterThan(31.2);
      expect(c.location.lat).toBeLessThan(32.05);
      expect(c.location.lon).toBeGreaterThan(119.1);
      expect(c.location.lon).toBeLessThan(120.3);
    }
    const tianning = centre('天宁区');
    for (const sw of ['金坛区', '溧阳市']) {
      expect(centre(sw).lon).toBeLessThan(tianning.lon - 0.2);
      expect(centre(sw).lat).toBeLessThan(tianning.lat + 0.02);
    }
    expect(centre('新北区').lat).toBeGreaterThan(tianning.lat);
    expect(centre('经开区').lon).toBeGreaterThan(tianning.lon);
  });
});
