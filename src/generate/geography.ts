/**
 * Cities → districts → streets (街道/镇): the frame communities are placed in.
 * Changzhou's districts are real (approximate centres); streets and the other cities'
 * districts are generated.
 */
import type { FamilySpec } from './families.js';
import { offsetKm, type LatLon } from './geo.js';
import { NameBook, placeStem, streetName } from './names.js';
import type { Rng } from './prng.js';
import { CHANGZHOU, CHANGZHOU_DISTRICTS, JIANGSU_CITIES, type CitySite, type DistrictSite } from './regions.js';

export interface District extends DistrictSite {
  /** Short city name (常州). */
  readonly city: string;
}

export interface Street {
  readonly name: string;
  readonly district: number;
  readonly center: LatLon;
  readonly rural: boolean;
  /** Relative share of its district's communities. */
  readonly weight: number;
}

export interface Geography {
  readonly districts: readonly District[];
  readonly streets: readonly Street[];
}

/** Builds the districts and streets of a family. */
export function buildGeography(rng: Rng, family: FamilySpec): Geography {
  const districts =
    family.geography === 'changzhou'
      ? CHANGZHOU_DISTRICTS.map((d) => ({ ...d, city: CHANGZHOU.name }))
      : jiangsuDistricts(rng);
  const streets: Street[] = [];
  const [lo, hi] = family.streetsPerDistrict;
  // Street names only need to be unique within a city; one book per city.
  const books = new Map<string, NameBook>();
  districts.forEach((district, index) => {
    const book = books.get(district.city) ?? new NameBook();
    books.set(district.city, book);
    const count = rng.int(lo, hi);
    for (let s = 0; s < count; s++) {
      const rural = rng.chance(district.ruralShare);
      const center = offsetKm(district, rng.normal() * district.spreadKm * 0.6, rng.normal() * district.spreadKm * 0.6);
      streets.push({ name: book.unique(() => streetName(rng, rural)), district: index, center, rural, weight: rng.range(0.5, 1.5) });
    }
  });
  return { districts, streets };
}

/** Jiangsu: 常州 with its real districts, the other twelve cities with 4–8 generated ones. */
function jiangsuDistricts(rng: Rng): District[] {
  // Stems are unique province-wide, so 汇岗区 and 汇岗县 never both appear.
  const names = new NameBook();
  for (const d of CHANGZHOU_DISTRICTS) names.unique(() => d.name.slice(0, 2));
  const out: District[] = [];
  for (const city of JIANGSU_CITIES) {
    if (city.name === CHANGZHOU.name) {
      out.push(...CHANGZHOU_DISTRICTS.map((d) => ({ ...d, city: city.name })));
      continue;
    }
    const count = rng.int(4, 8);
    for (let k = 0; k < count; k++) out.push(generatedDistrict(rng, city, k, names));
  }
  return out;
}

/** The first district sits at the city centre (its core); the rest spread around it. */
function generatedDistrict(rng: Rng, city: CitySite, index: number, names: NameBook): District {
  const core = index === 0;
  const countyLevel = !core && rng.chance(0.35);
  const suffix = countyLevel ? rng.pick(['县', '市']) : '区';
  const at = core ? city : offsetKm(city, rng.normal() * 16, rng.normal() * 16);
  return {
    name: names.unique(() => placeStem(rng)) + suffix,
    city: city.name,
    lat: at.lat,
    lon: at.lon,
    spreadKm: core ? rng.range(4, 7) : rng.range(6, 13),
    weight: core ? rng.range(1.2, 1.6) : rng.range(0.5, 1.2),
    ruralShare: countyLevel ? rng.range(0.5, 0.7) : core ? 0.1 : rng.range(0.2, 0.45),
  };
}
