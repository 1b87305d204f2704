/**
 * The density counter against independent oracles: a hand-built batch whose pairs are worked
 * out by hand, and a brute-force all-pairs scan with haversine distances on a generated batch.
 */
import { describe, expect, it } from 'vitest';
import type { BatchInput } from '../../src/domain/batch-schema.js';
import { RELATED_CATEGORIES } from '../../src/domain/taxonomy.js';
import { countCandidatePairs, forEachCandidatePair, generateBatch } from '../../src/generate/index.js';

const community = (id: string, district: string, lat: number, lon: number) => ({
  id, name: `${id}社区`, district, street: '某街道', kind: 'urban' as const, location: { lat, lon }, population: 5000,
});

/** Two communities 11 km apart (0.1° of latitude); needs and offers chosen so each rule bites once. */
const tiny: BatchInput = {
  communities: [community('A', '天宁区', 31.8, 119.97), community('B', '钟楼区', 31.9, 119.97)],
  needs: [
    { id: 'N1', community: 'A', title: 't', category: 'elderly', form: 'talent', quantity: 10, unit: 'hour', skills: ['nurse'], window: { start: '2026-01-01', end: '2026-03-31' } },
    { id: 'N2', community: 'B', title: 't', category: 'health', form: 'talent', quantity: 10, unit: 'hour' },
    { id: 'N3', community: 'A', title: 't', category: 'legal', form: 'talent', quantity: 10, unit: 'hour' },
    { id: 'N4', community: 'A', title: 't', category: 'elderly', form: 'funds', quantity: 1000, unit: 'yuan' },
    { id: 'N5', community: 'A', title: 't', category: 'elderly', form: 'talent', quantity: 1, unit: 'hour', pooled: false },
  ],
  offers: [
    // Serves elderly (health is related), 5 km radius around A: N1 only (N2 is 11 km away, N3 unrelated, N4 other form).
    { id: 'O1', provider: { name: 'p', kind: 'volunteer' }, form: 'talent', capacity: 50, unit: 'hour', categories: ['elderly'], location: { lat: 31.8, lon: 119.97 }, radiusKm: 5, window: { start: '2026-06-01', end: '2026-12-31' } },
    // Same but 20 km: N1 and N2; N1 lacks nurse skills → fails the skills rule.
    { id: 'O2', provider: { name: 'p', kind: 'association' }, form: 'talent', capacity: 50, unit: 'hour', categories: ['elderly'], skills: ['caregiver'], location: { lat: 31.8, lon: 119.97 }, radiusKm: 20 },
    // District list only (钟楼区): N2 only.
    { id: 'O3', provider: { name: 'p', kind: 'social_work' }, form: 'talent', capacity: 50, unit: 'hour', categories: ['health'], districts: ['钟楼区'] },
    // No geographic limit, funds for elderly, but community A excluded: nothing.
    { id: 'O4', provider: { name: 'p', kind: 'charity' }, form: 'funds', capacity: 5000, unit: 'yuan', categories: ['elderly'], excludedCommunities: ['A'] },
  ],
};

describe('generate/candidate-pairs', () => {
  it('applies form, category (with related), radius, districts, exclusions, pooling, windows and skills', () => {
    const pairs: string[] = [];
    forEachCandidatePair(tiny, (o, n, windowsOk, skillsOk) => {
      pairs.push(`${tiny.offers[o]?.id}-${tiny.needs[n]?.id}:${windowsOk ? 'w' : '-'}${skillsOk ? 's' : '-'}`);
    });
    expect(pairs).toEqual(['O1-N1:--', 'O2-N1:w-', 'O2-N2:ws', 'O3-N2:ws']);
    expect(countCandidatePairs(tiny)).toEqual({ core: 4, withWindows: 3, withWindowsAndSkills: 2 });
  });

  it('agrees with a brute-force all-pairs scan (haversine) on a generated batch', () => {
    const batch = generateBatch('changzhou', 4);
    const related = new Map<string, Set<string>>();
    for (const [a, b] of RELATED_CATEGORIES) {
      related.set(a, (related.get(a) ?? new Set()).add(b));
      related.set(b, (related.get(b) ?? new Set()).add(a));
    }
    const byId = new Map(batch.communities.map((c) => [c.id, c]));
    const rad = Math.PI / 180;
    const haversine = (a: { lat: number; lon: number }, b: { lat: number; lon: number }): number => {
      const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
      return 2 * 6371.0 * Math.asin(Math.sqrt(h));
    };
    const expected = new Set<string>();
    const borderline = new Set<string>();
    batch.offers.forEach((o, oi) => {
      batch.needs.forEach((n, ni) => {
        const c = byId.get(n.community);
        if (!c || n.pooled === false || n.form !== o.form) return;
        if (!o.categories.some((cat) => cat === n.category || related.get(cat)?.has(n.category))) return;
        if ((o.districts ?? []).length > 0 && !(o.districts ?? []).includes(c.district)) return;
        if ((o.excludedCommunities ?? []).includes(c.id)) return;
        if (o.radiusKm !== undefined && o.location) {
          const d = haversine(o.location, c.location);
          if (Math.abs(d - o.radiusKm) < 0.005 * o.radiusKm) borderline.add(`${oi}:${ni}`);
          if (d > o.radiusKm) return;
        }
        expected.add(`${oi}:${ni}`);
      });
    });
    const got = new Set<string>();
    forEachCandidatePair(batch, (o, n) => got.add(`${o}:${n}`));
    const differ = [...got].filter((k) => !expected.has(k)).concat([...expected].filter((k) => !got.has(k)));
    expect(differ.filter((k) => !borderline.has(k))).toEqual([]);
    expect(expected.size).toBeGreaterThan(10_000);
  });
});
