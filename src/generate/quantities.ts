/**
 * Quantities of needs in realistic units: hours or person-days of talent, items of goods,
 * service sessions of tech, yuan or 万元 of funds. Project sizes are skewed small.
 */
import type { SupportForm } from '../domain/taxonomy.js';
import type { Unit } from '../domain/units.js';
import type { Rng } from './prng.js';
import { bucketInt } from './sampler.js';

export interface Quantity {
  readonly quantity: number;
  readonly unit: Unit;
}

/** Funds of a project, yuan: mostly 5k–50k, a few up to 500k (lifts, renovations). */
const PROJECT_FUNDS_BUCKETS = [
  [45, 5, 20],
  [25, 20, 50],
  [15, 50, 100],
  [10, 100, 200],
  [5, 200, 500],
] as const; // thousands of yuan

/** What a community project asks for. */
export function projectQuantity(rng: Rng, form: SupportForm, whole: boolean): Quantity {
  const u = rng.next();
  switch (form) {
    case 'talent': {
      const hours = 8 + Math.round((392 * u * u) / 4) * 4;
      return hours % 8 === 0 && hours >= 40 && rng.chance(0.3)
        ? { quantity: hours / 8, unit: 'person_day' }
        : { quantity: hours, unit: 'hour' };
    }
    case 'goods':
      return { quantity: 1 + Math.floor(200 * u * u), unit: 'item' };
    case 'tech':
      return { quantity: 1 + Math.floor(30 * u * u), unit: 'service' };
    case 'funds': {
      // All-or-nothing funds needs (lifts, renovations) sit in the upper buckets.
      const thousands = whole ? bucketInt(rng, PROJECT_FUNDS_BUCKETS.slice(1)) : bucketInt(rng, PROJECT_FUNDS_BUCKETS);
      return fundsQuantity(rng, thousands * 1000);
    }
  }
}

/** What one resident's micro-wish asks for: a few items, a few hours, 50–500 yuan. */
export function wishQuantity(rng: Rng, form: SupportForm): Quantity {
  switch (form) {
    case 'talent':
      return { quantity: rng.pick([1, 2, 2, 3, 3, 4, 4, 6, 8]), unit: 'hour' };
    case 'goods':
      return { quantity: rng.pick([1, 1, 1, 1, 1, 1, 1, 2, 2, 3]), unit: 'item' };
    case 'tech':
      return { quantity: rng.pick([1, 1, 1, 2]), unit: 'service' };
    case 'funds': {
      const u = rng.next();
      return { quantity: 50 + Math.round((450 * u * u) / 10) * 10, unit: 'yuan' };
    }
  }
}

/** Writes whole-万 amounts in 万元 half the time, as planners do; otherwise yuan. */
export function fundsQuantity(rng: Rng, yuan: number): Quantity {
  if (yuan % 10_000 === 0 && rng.chance(0.5)) return { quantity: yuan / 10_000, unit: 'wan_yuan' };
  if (yuan % 100 === 0 && rng.chance(0.05)) return { quantity: yuan / 100, unit: 'hundred_yuan' };
  return { quantity: yuan, unit: 'yuan' };
}
