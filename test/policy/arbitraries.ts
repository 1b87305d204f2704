/**
 * Random small batches for the policy rules: two forms (talent and funds), two districts, pilot
 * and other communities, whole-or-nothing and partial needs, bundles, government-funded needs,
 * offers with smallest allocations and most pairings from a small pool of providers — and a
 * random choice of rules. Small enough for an exact MIP oracle.
 */
import fc from 'fast-check';
import type { Batch } from '../../src/domain/batch-schema.js';
import type { PolicyOptionsInput } from '../../src/match/policy/options.js';
import { batch, community, need, offer } from '../support/batch-builders.js';

const DISTRICTS = ['天宁区', '金坛区'] as const;
const PROVIDERS = ['甲公司', '乙协会', '丙志愿队'] as const;

export function arbitraryPolicyBatch(maxNeeds = 7, maxOffers = 5): fc.Arbitrary<Batch> {
  const arbCommunity = fc.record({ district: fc.constantFrom(...DISTRICTS), pilot: fc.integer({ min: 0, max: 9 }) });
  const arbNeed = fc.record({
    c: fc.nat(),
    funds: fc.boolean(),
    quantity: fc.integer({ min: 1, max: 12 }),
    partial: fc.boolean(),
    urgency: fc.integer({ min: 1, max: 5 }),
    beneficiaries: fc.integer({ min: 0, max: 300 }),
    micro: fc.integer({ min: 0, max: 4 }),
    governmentFunded: fc.integer({ min: 0, max: 4 }),
    bundle: fc.constantFrom(undefined, undefined, undefined, 'B1', 'B2'),
  });
  const arbOffer = fc.record({
    funds: fc.boolean(),
    capacity: fc.integer({ min: 0, max: 25 }),
    minAllocation: fc.option(fc.integer({ min: 2, max: 9 }), { nil: undefined }),
    maxPairings: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
    provider: fc.integer({ min: 0, max: PROVIDERS.length - 1 }),
  });
  return fc
    .record({
      communities: fc.array(arbCommunity, { minLength: 1, maxLength: 4 }),
      needs: fc.array(arbNeed, { minLength: 1, maxLength: maxNeeds }),
      offers: fc.array(arbOffer, { minLength: 1, maxLength: maxOffers }),
    })
    .map(({ communities: cs, needs: ns, offers: os }) => {
      const comms = cs.map((c, i) => community(`C${i}`, { district: c.district, pilot: c.pilot < 7, location: { lat: 31.78 + i * 0.01, lon: 119.97 } }));
      const needs = ns.map((n, i) =>
        need(`N${i}`, `C${n.c % comms.length}`, {
          form: n.funds ? 'funds' : 'talent',
          unit: n.funds ? 'yuan' : 'hour',
          quantity: n.quantity,
          partial: n.partial,
          urgency: n.urgency,
          beneficiaries: n.beneficiaries,
          kind: n.micro === 0 ? 'micro_wish' : 'project',
          governmentFunded: n.governmentFunded === 0,
          ...(n.bundle !== undefined ? { bundle: n.bundle } : {}),
        }),
      );
      const offers = os.map((o, i) =>
        offer(`O${i}`, {
          form: o.funds ? 'funds' : 'talent',
          unit: o.funds ? 'yuan' : 'hour',
          capacity: o.capacity,
          provider: { name: PROVIDERS[o.provider]!, kind: o.provider === 0 ? 'enterprise' : o.provider === 1 ? 'association' : 'volunteer' },
          ...(o.minAllocation !== undefined ? { minAllocation: o.minAllocation } : {}),
          ...(o.maxPairings !== undefined ? { maxPairings: o.maxPairings } : {}),
        }),
      );
      return batch(comms, needs, offers);
    });
}

/** A random choice of rules (each on or off), with small caps so that they bind. */
export function arbitraryPolicy(): fc.Arbitrary<PolicyOptionsInput> {
  return fc
    .record({
      allOrNothing: fc.boolean(),
      minAllocation: fc.boolean(),
      maxPairings: fc.boolean(),
      floor: fc.boolean(),
      floorScope: fc.constantFrom('pilot' as const, 'all' as const),
      budgets: fc.boolean(),
      districtCap: fc.integer({ min: 0, max: 30 }),
      programmeCap: fc.integer({ min: 0, max: 30 }),
      bundles: fc.boolean(),
      onePer: fc.constantFrom(undefined, 'community' as const, 'provider' as const),
      noSecondFunding: fc.boolean(),
    })
    .map((p) => ({
      allOrNothing: p.allOrNothing,
      minAllocation: p.minAllocation,
      maxPairings: p.maxPairings,
      ...(p.floor ? { coverageFloor: { needsMet: 1, communities: p.floorScope } } : {}),
      ...(p.budgets ? { budgets: { districts: { [DISTRICTS[0]]: p.districtCap }, programmes: [{ id: 'P', max: p.programmeCap, providerKinds: ['enterprise' as const] }] } } : {}),
      bundles: p.bundles,
      ...(p.onePer ? { onePerOrganisation: { by: p.onePer } } : {}),
      noSecondFunding: p.noSecondFunding,
      relativeGap: 0,
    }));
}
