/**
 * The three batch families and their sizes. `changzhou` mirrors the published 百千万 action
 * (101 pilot communities, 600+ project needs, 400+ resources); `city` is the whole city with
 * its micro-wishes; `province` is Jiangsu-sized.
 */
import type { ProviderKind } from '../domain/taxonomy.js';

export const FAMILY_IDS = ['changzhou', 'city', 'province'] as const;
export type FamilyId = (typeof FAMILY_IDS)[number];

export interface FamilySpec {
  readonly id: FamilyId;
  /** One city (Changzhou) or the thirteen cities of Jiangsu. */
  readonly geography: 'changzhou' | 'jiangsu';
  readonly communities: number;
  readonly pilots: number;
  readonly streetsPerDistrict: readonly [number, number];
  readonly projects: number;
  readonly microWishes: number;
  readonly offers: number;
  /** Multiplies every provider kind's service radius: denser families serve closer to home. */
  readonly radiusScale: number;
  /** Relative frequency of provider kinds among offers. */
  readonly kindWeights: Readonly<Partial<Record<ProviderKind, number>>>;
  /** Earlier pairings to carry for continuity. */
  readonly previousPairings: number;
}

export const FAMILIES: Readonly<Record<FamilyId, FamilySpec>> = {
  changzhou: {
    id: 'changzhou',
    geography: 'changzhou',
    communities: 101,
    pilots: 101,
    streetsPerDistrict: [4, 8],
    projects: 600,
    microWishes: 200,
    offers: 400,
    radiusScale: 1.1,
    kindWeights: { association: 15, enterprise: 35, social_work: 25, volunteer: 25 },
    previousPairings: 12,
  },
  city: {
    id: 'city',
    geography: 'changzhou',
    communities: 1000,
    pilots: 101,
    streetsPerDistrict: [6, 12],
    projects: 600,
    microWishes: 8500,
    offers: 2000,
    radiusScale: 0.48,
    kindWeights: {
      association: 10, enterprise: 28, social_work: 24, volunteer: 30,
      university: 3, charity: 3, institution: 2,
    },
    previousPairings: 0,
  },
  province: {
    id: 'province',
    geography: 'jiangsu',
    communities: 12_000,
    pilots: 1_300,
    streetsPerDistrict: [6, 12],
    projects: 8_000,
    microWishes: 92_000,
    offers: 30_000,
    radiusScale: 0.4,
    kindWeights: {
      association: 10, enterprise: 28, social_work: 24, volunteer: 30,
      university: 3, charity: 3, institution: 2,
    },
    previousPairings: 0,
  },
};
