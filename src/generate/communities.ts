/**
 * Villages and communities (村/社区): kind, name, location near their street, population and
 * vulnerable residents in proportions typical of their kind.
 */
import type { BatchInput } from '../domain/batch-schema.js';
import type { CommunityKind } from '../domain/taxonomy.js';
import type { FamilySpec } from './families.js';
import { offsetKm, roundCoord } from './geo.js';
import type { Geography } from './geography.js';
import { NameBook, communityName } from './names.js';
import { weightedKey, type Rng } from './prng.js';
import { padId } from './ids.js';

export type CommunityRecord = BatchInput['communities'][number];

/** A community with what the rest of the generator needs to know about it. */
export interface PlacedCommunity {
  readonly record: CommunityRecord;
  readonly district: number;
  /** How many needs it raises relative to others (pilots and active committees raise more). */
  readonly activity: number;
}

const RURAL_KINDS: Readonly<Partial<Record<CommunityKind, number>>> = {
  village: 65, village_to_community: 25, new_build: 5, urban: 5,
};
const URBAN_KINDS: Readonly<Partial<Record<CommunityKind, number>>> = {
  urban: 40, old_estate: 25, new_build: 20, urban_village: 10, village_to_community: 5,
};

/** Population range and shares of elderly / children per kind (villages and old estates are older). */
const PROFILE: Readonly<Record<CommunityKind, { pop: [number, number]; elderly: [number, number]; children: [number, number] }>> = {
  urban: { pop: [4_000, 25_000], elderly: [0.15, 0.25], children: [0.1, 0.16] },
  village: { pop: [1_500, 6_000], elderly: [0.22, 0.32], children: [0.08, 0.13] },
  village_to_community: { pop: [3_000, 12_000], elderly: [0.18, 0.28], children: [0.09, 0.14] },
  urban_village: { pop: [5_000, 25_000], elderly: [0.12, 0.2], children: [0.1, 0.16] },
  new_build: { pop: [3_000, 20_000], elderly: [0.08, 0.15], children: [0.15, 0.22] },
  old_estate: { pop: [3_000, 15_000], elderly: [0.25, 0.35], children: [0.07, 0.12] },
};

/** Places the family's communities, sorted by district and street, with ids C0001…. */
export function generateCommunities(rng: Rng, family: FamilySpec, geo: Geography): PlacedCommunity[] {
  const perDistrict = new Map<number, number>();
  for (const s of geo.streets) perDistrict.set(s.district, (perDistrict.get(s.district) ?? 0) + 1);
  const streetWeights = geo.streets.map(
    (s) => ((geo.districts[s.district]?.weight ?? 0) * s.weight) / (perDistrict.get(s.district) ?? 1),
  );
  const names = new Map<string, NameBook>();
  const drafts: Array<{ street: number; draft: Omit<CommunityRecord, 'id' | 'pilot'> }> = [];
  for (let k = 0; k < family.communities; k++) {
    const streetIndex = rng.weighted(streetWeights);
    const street = geo.streets[streetIndex];
    const district = street && geo.districts[street.district];
    if (!street || !district) throw new Error('generate/communities: street index out of range');
    const kind = weightedKey(rng, street.rural ? RURAL_KINDS : URBAN_KINDS);
    const book = names.get(district.city) ?? new NameBook();
    names.set(district.city, book);
    const spread = street.rural ? 2.2 : 1.2;
    const at = offsetKm(street.center, rng.normal() * spread, rng.normal() * spread);
    drafts.push({
      street: streetIndex,
      draft: {
        name: book.unique(() => communityName(rng, kind)),
        district: district.name,
        street: street.name,
        kind,
        location: { lat: roundCoord(at.lat), lon: roundCoord(at.lon) },
        ...residents(rng, kind),
      },
    });
  }
  // Stable order by street (streets are already grouped by district), then by draw order.
  const order = drafts.map((_, i) => i).sort((a, b) => (drafts[a]?.street ?? 0) - (drafts[b]?.street ?? 0) || a - b);
  const pilots = choosePilots(rng, family.communities, family.pilots);
  return order.map((draftIndex, position) => {
    const { street, draft } = drafts[draftIndex] as (typeof drafts)[number];
    const pilot = pilots.has(position);
    return {
      record: { id: padId('C', position + 1, family.communities), ...draft, pilot },
      district: geo.streets[street]?.district ?? 0,
      activity: (pilot ? 2 : 1) * (0.3 + rng.next() * rng.next() * 3),
    };
  });
}

function residents(rng: Rng, kind: CommunityKind): Pick<CommunityRecord, 'population' | 'vulnerable'> {
  const p = PROFILE[kind];
  // Skewed towards the small end: most communities are modest, a few are very large.
  const u = rng.next();
  const population = Math.round((p.pop[0] + (p.pop[1] - p.pop[0]) * u * u) / 10) * 10;
  const elderly = Math.round(population * rng.range(p.elderly[0], p.elderly[1]));
  const children = Math.round(population * rng.range(p.children[0], p.children[1]));
  const disabled = Math.round(population * rng.range(0.015, 0.035));
  return { population, vulnerable: { elderly, children, disabled } };
}

/** `count` distinct positions out of `total` (all of them when count ≥ total). */
function choosePilots(rng: Rng, total: number, count: number): Set<number> {
  const positions = Array.from({ length: total }, (_, i) => i);
  const chosen = new Set<number>();
  for (let i = 0; i < Math.min(count, total); i++) {
    const j = rng.int(i, total - 1);
    const picked = positions[j] as number;
    positions[j] = positions[i] as number;
    positions[i] = picked;
    chosen.add(picked);
  }
  return chosen;
}
