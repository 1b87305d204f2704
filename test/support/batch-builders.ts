/**
 * Small builders for hand-made and random batches in tests. Random batches come from fast-check
 * so failures shrink to a minimal case.
 */
import fc from 'fast-check';
import type { Batch, Community, Need, Offer } from '../../src/domain/batch-schema.js';
import { CATEGORY_IDS, SUPPORT_FORM_IDS, type Category, type SupportForm } from '../../src/domain/taxonomy.js';
import { CANONICAL_UNIT } from '../../src/domain/units.js';

export function community(id: string, over: Partial<Community> = {}): Community {
  return {
    id,
    name: `社区${id}`,
    district: '天宁区',
    street: '茶山街道',
    kind: 'urban',
    location: { lat: 31.78, lon: 119.97 },
    population: 5000,
    vulnerable: { elderly: 800, children: 600, disabled: 50 },
    pilot: true,
    ...over,
  };
}

export function need(id: string, communityId: string, over: Partial<Need> = {}): Need {
  const form: SupportForm = over.form ?? 'talent';
  return {
    id,
    community: communityId,
    title: `需求${id}`,
    category: 'elderly',
    form,
    quantity: 10,
    unit: CANONICAL_UNIT[form],
    partial: true,
    beneficiaries: 50,
    urgency: 3,
    skills: [],
    kind: 'project',
    triage: 'minor',
    pooled: true,
    governmentFunded: false,
    ...over,
  };
}

export function offer(id: string, over: Partial<Offer> = {}): Offer {
  const form: SupportForm = over.form ?? 'talent';
  return {
    id,
    provider: { name: `提供方${id}`, kind: 'volunteer' },
    form,
    capacity: 20,
    unit: CANONICAL_UNIT[form],
    categories: ['elderly'],
    skills: [],
    districts: [],
    preferredCommunities: [],
    excludedCommunities: [],
    ...over,
  };
}

export function batch(communities: Community[], needs: Need[], offers: Offer[], over: Partial<Batch> = {}): Batch {
  return { communities, needs, offers, previousPairings: [], ...over };
}

/** Random small batches: few communities, forms and categories so that pairs compete. */
export function arbitraryBatch(maxNeeds = 8, maxOffers = 6): fc.Arbitrary<Batch> {
  const categories: Category[] = CATEGORY_IDS.slice(0, 4);
  const forms: SupportForm[] = SUPPORT_FORM_IDS.slice(0, 2);
  const arbCommunity = fc.record({
    lat: fc.double({ min: 31.7, max: 31.9, noNaN: true }),
    lon: fc.double({ min: 119.9, max: 120.1, noNaN: true }),
    elderly: fc.integer({ min: 0, max: 3000 }),
  });
  const arbNeed = fc.record({
    c: fc.nat(),
    category: fc.constantFrom(...categories),
    form: fc.constantFrom(...forms),
    quantity: fc.integer({ min: 1, max: 12 }),
    urgency: fc.integer({ min: 1, max: 5 }),
    beneficiaries: fc.integer({ min: 0, max: 500 }),
    micro: fc.boolean(),
    // One need in ten is not pooled for matching (三事分流).
    pooledDraw: fc.integer({ min: 0, max: 9 }),
  });
  const arbOffer = fc.record({
    categories: fc.uniqueArray(fc.constantFrom(...categories), { minLength: 1, maxLength: 2 }),
    form: fc.constantFrom(...forms),
    capacity: fc.integer({ min: 0, max: 25 }),
    radius: fc.option(fc.double({ min: 1, max: 30, noNaN: true }), { nil: undefined }),
    maxPairings: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    preferred: fc.boolean(),
  });
  return fc
    .record({
      communities: fc.array(arbCommunity, { minLength: 1, maxLength: 4 }),
      needs: fc.array(arbNeed, { minLength: 0, maxLength: maxNeeds }),
      offers: fc.array(arbOffer, { minLength: 0, maxLength: maxOffers }),
    })
    .map(({ communities: cs, needs: ns, offers: os }) => {
      const comms = cs.map((c, i) => community(`C${i}`, { location: { lat: c.lat, lon: c.lon }, vulnerable: { elderly: c.elderly, children: 0, disabled: 0 } }));
      const needs = ns.map((n, i) =>
        need(`N${i}`, `C${n.c % comms.length}`, {
          category: n.category,
          form: n.form,
          quantity: n.quantity,
          urgency: n.urgency,
          beneficiaries: n.beneficiaries,
          kind: n.micro ? 'micro_wish' : 'project',
          pooled: n.pooledDraw !== 0,
        }),
      );
      const offers = os.map((o, i) =>
        offer(`O${i}`, {
          categories: o.categories,
          form: o.form,
          capacity: o.capacity,
          ...(o.radius !== undefined ? { location: { lat: 31.8, lon: 120.0 }, radiusKm: o.radius } : {}),
          ...(o.maxPairings !== undefined ? { maxPairings: o.maxPairings } : {}),
          preferredCommunities: o.preferred && comms[0] ? [comms[0].id] : [],
        }),
      );
      return batch(comms, needs, offers);
    });
}
