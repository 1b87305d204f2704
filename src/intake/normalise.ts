/**
 * Converts every quantity to its form's canonical unit (hours, items, services, yuan), so that a
 * flow unit means the same on both sides of an edge. Pure: returns new objects.
 */
import type { Batch, Need, Offer } from '../domain/batch-schema.js';
import { CANONICAL_UNIT, toCanonical } from '../domain/units.js';

/** A need with its quantity in the canonical unit of its form. */
export function normaliseNeed(need: Need): Need {
  return { ...need, quantity: toCanonical(need.quantity, need.unit), unit: CANONICAL_UNIT[need.form] };
}

/** An offer with capacity and smallest allocation in the canonical unit of its form. */
export function normaliseOffer(offer: Offer): Offer {
  const out: Offer = { ...offer, capacity: toCanonical(offer.capacity, offer.unit), unit: CANONICAL_UNIT[offer.form] };
  if (offer.minAllocation !== undefined) out.minAllocation = toCanonical(offer.minAllocation, offer.unit);
  return out;
}

/**
 * The batch with all quantities in canonical units. Expects a batch that passed intake (units
 * belong to their forms, converted quantities within limits); factors are whole numbers, so
 * whole quantities stay whole.
 * @example normaliseBatch(b).needs[0] // { ..., quantity: 30000, unit: 'yuan' } for 3 wan_yuan
 */
export function normaliseBatch(batch: Batch): Batch {
  return { ...batch, needs: batch.needs.map(normaliseNeed), offers: batch.offers.map(normaliseOffer) };
}
