import { describe, expect, it } from 'vitest';
import { HARD_RULES, HARD_RULE_NAMES, categoryMask, type PairFacts } from '../../src/match/candidates/rules.js';
import { acceptedCategories } from '../../src/match/candidates/find-candidates.js';
import { community, need, offer } from '../support/batch-builders.js';
import type { Need, Offer, Community } from '../../src/domain/batch-schema.js';

function facts(o: Offer, n: Need, c: Community = community('C1'), extra: Partial<PairFacts> = {}): PairFacts {
  return {
    offer: o,
    need: n,
    community: c,
    offerCategoryMask: categoryMask(o.categories),
    acceptedCategoryMask: categoryMask(acceptedCategories(n.category, 0.6)),
    isForbidden: () => false,
    oneToOneShare: undefined,
    ...extra,
  };
}

const base = () => ({ o: offer('O1'), n: need('N1', 'C1') });

describe('hard rules', () => {
  it('every rule passes a plain compatible pair', () => {
    const { o, n } = base();
    for (const name of HARD_RULE_NAMES) expect(HARD_RULES[name](facts(o, n)), name).toBe(true);
  });

  it('capacity: an offer with nothing left serves no one', () => {
    expect(HARD_RULES.capacity(facts(offer('O1', { capacity: 0 }), base().n))).toBe(false);
  });

  it('form: funds never serve a need for talent', () => {
    expect(HARD_RULES.form(facts(offer('O1', { form: 'funds' }), base().n))).toBe(false);
  });

  it('category: same or related category passes, unrelated fails, related off when its fit is 0', () => {
    const n = need('N1', 'C1', { category: 'health' });
    expect(HARD_RULES.category(facts(offer('O1', { categories: ['health'] }), n))).toBe(true);
    expect(HARD_RULES.category(facts(offer('O1', { categories: ['elderly'] }), n))).toBe(true); // elderly–health related
    expect(HARD_RULES.category(facts(offer('O1', { categories: ['legal'] }), n))).toBe(false);
    const strict = facts(offer('O1', { categories: ['elderly'] }), n, community('C1'), { acceptedCategoryMask: categoryMask(acceptedCategories('health', 0)) });
    expect(HARD_RULES.category(strict)).toBe(false);
  });

  it('area: radius from the offer base, and its district list', () => {
    const c = community('C1', { location: { lat: 31.78, lon: 119.97 }, district: '钟楼区' });
    const near = offer('O1', { location: { lat: 31.79, lon: 119.98 }, radiusKm: 5 });
    const far = offer('O2', { location: { lat: 31.5, lon: 119.5 }, radiusKm: 5 });
    expect(HARD_RULES.area(facts(near, base().n, c))).toBe(true);
    expect(HARD_RULES.area(facts(far, base().n, c))).toBe(false);
    expect(HARD_RULES.area(facts(offer('O3', { districts: ['天宁区'] }), base().n, c))).toBe(false);
    expect(HARD_RULES.area(facts(offer('O3', { districts: ['钟楼区'] }), base().n, c))).toBe(true);
  });

  it('time window: overlapping windows pass, disjoint fail, a missing window means any time', () => {
    const n = need('N1', 'C1', { window: { start: '2026-03-01', end: '2026-05-31' } });
    expect(HARD_RULES.time_window(facts(offer('O1', { window: { start: '2026-05-31', end: '2026-12-31' } }), n))).toBe(true);
    expect(HARD_RULES.time_window(facts(offer('O1', { window: { start: '2026-06-01', end: '2026-12-31' } }), n))).toBe(false);
    expect(HARD_RULES.time_window(facts(offer('O1'), n))).toBe(true);
  });

  it('skills: the offer must have every required skill', () => {
    const n = need('N1', 'C1', { skills: ['lawyer', 'mediator'] });
    expect(HARD_RULES.skills(facts(offer('O1', { skills: ['lawyer'] }), n))).toBe(false);
    expect(HARD_RULES.skills(facts(offer('O1', { skills: ['mediator', 'lawyer', 'notary'] }), n))).toBe(true);
  });

  it('excluded community: a provider may refuse a community', () => {
    expect(HARD_RULES.excluded_community(facts(offer('O1', { excludedCommunities: ['C1'] }), base().n))).toBe(false);
  });

  it('forbidden pair: a rejected pair is never a candidate again', () => {
    const { o, n } = base();
    expect(HARD_RULES.forbidden_pair(facts(o, n, community('C1'), { isForbidden: (nid, oid) => nid === 'N1' && oid === 'O1' }))).toBe(false);
  });

  it('one-to-one share: a share too small for an all-or-nothing need fails; a partial need takes it', () => {
    const whole = need('N1', 'C1', { quantity: 10, partial: false });
    const partial = need('N2', 'C1', { quantity: 10, partial: true });
    const o = offer('O1');
    expect(HARD_RULES.one_to_one_share(facts(o, whole, community('C1'), { oneToOneShare: 6 }))).toBe(false);
    expect(HARD_RULES.one_to_one_share(facts(o, partial, community('C1'), { oneToOneShare: 6 }))).toBe(true);
    expect(HARD_RULES.one_to_one_share(facts(o, whole, community('C1'), { oneToOneShare: 10 }))).toBe(true);
  });
});
