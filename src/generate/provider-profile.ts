/**
 * How each kind of provider gives: in which forms, for how many categories, how far it
 * travels, how big its offers are and which categories it leans to. Associations and
 * charities serve widest; volunteer teams stay within a few kilometres of home.
 */
import type { Category, ProviderKind } from '../domain/taxonomy.js';
import type { FormWeights } from './need-profile.js';

export interface ProviderProfile {
  readonly forms: FormWeights;
  /** Number of categories served, inclusive range. */
  readonly categories: readonly [number, number];
  /** Service radius, km, before the family's radius scale. */
  readonly radiusKm: readonly [number, number];
  /** Share of offers that name served districts instead of a radius. */
  readonly districtShare: number;
  /** Relative size of its offers within a form. */
  readonly size: number;
  /** Categories it leans to (weight multiplier). */
  readonly leans: Readonly<Partial<Record<Category, number>>>;
  /** Whether it is based in a community (volunteer teams) rather than at a district centre. */
  readonly communityBased: boolean;
}

const fw = (talent: number, goods: number, tech: number, funds: number): FormWeights => ({ talent, goods, tech, funds });

export const PROVIDER_PROFILES: Readonly<Record<ProviderKind, ProviderProfile>> = {
  association: {
    forms: fw(30, 25, 5, 40), categories: [2, 4], radiusKm: [30, 50], districtShare: 0.3, size: 1.5,
    leans: { employment: 1.5, legal: 1.5, new_employment: 1.5, relief: 1.5 }, communityBased: false,
  },
  enterprise: {
    forms: fw(10, 35, 25, 30), categories: [2, 4], radiusKm: [15, 35], districtShare: 0.1, size: 1.2,
    leans: { digital: 2, employment: 2, environment: 2, new_employment: 2 }, communityBased: false,
  },
  social_work: {
    forms: fw(95, 0, 5, 0), categories: [2, 4], radiusKm: [8, 18], districtShare: 0.2, size: 1,
    leans: { elderly: 2, children: 2, psychology: 2, relief: 2, disability: 2 }, communityBased: true,
  },
  volunteer: {
    forms: fw(85, 15, 0, 0), categories: [2, 4], radiusKm: [5, 8], districtShare: 0, size: 0.7,
    leans: { elderly: 1.5, children: 1.5, environment: 1.5, culture: 1.5 }, communityBased: true,
  },
  university: {
    forms: fw(60, 0, 40, 0), categories: [1, 3], radiusKm: [12, 30], districtShare: 0, size: 0.8,
    leans: { education: 2, children: 2, digital: 2, psychology: 2 }, communityBased: false,
  },
  charity: {
    forms: fw(0, 30, 0, 70), categories: [2, 4], radiusKm: [20, 40], districtShare: 0.4, size: 2,
    leans: { relief: 2, elderly: 2, children: 2, disability: 2 }, communityBased: false,
  },
  institution: {
    forms: fw(50, 20, 30, 0), categories: [1, 2], radiusKm: [5, 12], districtShare: 0.3, size: 0.8,
    leans: { health: 2, legal: 2, education: 2 }, communityBased: false,
  },
  venture_fund: {
    forms: fw(0, 0, 0, 100), categories: [2, 4], radiusKm: [20, 40], districtShare: 0.5, size: 2,
    leans: {}, communityBased: false,
  },
};
