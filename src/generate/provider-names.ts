/** The name a provider of each kind goes by (常州市餐饮行业协会, 常州恒信科技有限公司, …). */
import type { ProviderKind } from '../domain/taxonomy.js';
import {
  associationName,
  brandName,
  charityName,
  companyName,
  institutionName,
  socialWorkName,
  universityName,
  volunteerTeamName,
} from './names.js';
import type { Rng } from './prng.js';

/** A provider name for `kind`, based in `district` of `city` (short name, 常州), near `community`. */
export function providerName(rng: Rng, kind: ProviderKind, city: string, district: string, community: string): string {
  switch (kind) {
    case 'association':
      return associationName(rng, city, district);
    case 'enterprise':
      return companyName(rng, city);
    case 'social_work':
      return socialWorkName(rng, city, district);
    case 'volunteer':
      return volunteerTeamName(rng, district, community);
    case 'university':
      return universityName(rng, city);
    case 'charity':
      return charityName(rng, city, district, community);
    case 'institution':
      return institutionName(rng, city, district);
    case 'venture_fund':
      return `${city}市${brandName(rng)}公益创投基金`;
  }
}
