/**
 * Offer capacities: each form's offers together give 65–85 % of that form's pooled demand
 * (in canonical units), so a batch is neither trivially satisfiable nor hopeless; each offer's
 * share follows its drawn size. Then capacities are written in the units providers use.
 */
import { SUPPORT_FORM_IDS, type SupportForm } from '../domain/taxonomy.js';
import type { Unit } from '../domain/units.js';
import { padId } from './ids.js';
import type { PlacedNeed } from './needs.js';
import type { OfferDraft, OfferRecord } from './offers.js';
import type { Rng } from './prng.js';
import { fundsQuantity, type Quantity } from './quantities.js';

/** Supply as a share of demand, per form: drawn in this range. */
export const SUPPLY_RATIO: readonly [number, number] = [0.65, 0.85];

/** Gives every draft its capacity, unit and smallest allocation, and an id O0001…. */
export function finishOffers(rng: Rng, drafts: readonly OfferDraft[], needs: readonly PlacedNeed[]): OfferRecord[] {
  const demand = totalsByForm(needs.filter((n) => n.record.pooled !== false).map((n) => [n.record.form, n.canonical]));
  const sizes = totalsByForm(drafts.map((d) => [d.form, d.size]));
  const ratio = Object.fromEntries(SUPPORT_FORM_IDS.map((f) => [f, rng.range(SUPPLY_RATIO[0], SUPPLY_RATIO[1])])) as Record<SupportForm, number>;
  return drafts.map((draft, i) => {
    const share = sizes[draft.form] > 0 ? draft.size / sizes[draft.form] : 0;
    const amount = expressCapacity(rng, draft.form, share * ratio[draft.form] * demand[draft.form]);
    const minAllocation = rng.chance(0.2) ? smallestAllocation(rng, amount) : undefined;
    const { title, window, maxPairings, radiusKm, ...body } = draft.body;
    // Keys in the schema's order, optional ones only when present.
    return {
      id: padId('O', i + 1, drafts.length),
      provider: draft.provider,
      ...(title !== undefined ? { title } : {}),
      form: draft.form,
      capacity: amount.quantity,
      unit: amount.unit,
      categories: body.categories,
      skills: body.skills,
      location: body.location,
      ...(radiusKm !== undefined ? { radiusKm } : {}),
      districts: body.districts,
      ...(window !== undefined ? { window } : {}),
      ...(maxPairings !== undefined ? { maxPairings } : {}),
      ...(minAllocation !== undefined ? { minAllocation } : {}),
      preferredCommunities: body.preferredCommunities,
      excludedCommunities: body.excludedCommunities,
    };
  });
}

function totalsByForm(entries: ReadonlyArray<readonly [SupportForm, number]>): Record<SupportForm, number> {
  const totals: Record<SupportForm, number> = { talent: 0, goods: 0, tech: 0, funds: 0 };
  for (const [form, value] of entries) totals[form] += value;
  return totals;
}

/** Canonical amount → what a provider would write: 120 hours or 15 person-days, 30,000 yuan or 3 万元. */
function expressCapacity(rng: Rng, form: SupportForm, canonical: number): Quantity {
  switch (form) {
    case 'talent': {
      const hours = Math.max(8, Math.round(canonical / 4) * 4);
      return hours % 8 === 0 && hours >= 40 && rng.chance(0.3)
        ? { quantity: hours / 8, unit: 'person_day' }
        : { quantity: hours, unit: 'hour' };
    }
    case 'goods':
      return { quantity: Math.max(1, Math.round(canonical)), unit: 'item' };
    case 'tech':
      return { quantity: Math.max(1, Math.round(canonical)), unit: 'service' };
    case 'funds':
      return fundsQuantity(rng, Math.max(1000, Math.round(canonical / 1000) * 1000));
  }
}

const MIN_ALLOCATION: Readonly<Record<Unit, readonly number[]>> = {
  hour: [2, 4, 8],
  person_day: [1],
  item: [2, 5, 10],
  service: [2, 3],
  yuan: [500, 1000, 2000, 5000],
  hundred_yuan: [5, 10, 20, 50],
  wan_yuan: [1],
};

/** No crumbs: a smallest useful allocation in the offer's unit, never above its capacity. */
function smallestAllocation(rng: Rng, amount: Quantity): number | undefined {
  const value = rng.pick(MIN_ALLOCATION[amount.unit]);
  return value < amount.quantity ? value : undefined;
}
