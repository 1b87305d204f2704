/**
 * Plane geometry on lat/lon for the generator: offsets in km and distances, with a polynomial
 * cosine so that every engine computes the same bits (Math.cos is not exactly specified).
 */

/** A point on the map, degrees. */
export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}

const KM_PER_DEG_LAT = 110.95;
const KM_PER_DEG_LON_EQUATOR = 111.32;
const DEG_TO_RAD = Math.PI / 180;

/** cos(x) by its Taylor series to x^12: error < 1e-10 for |x| ≤ 60° (1.05 rad); + − × ÷ only. */
export function cosPoly(x: number): number {
  const x2 = x * x;
  return 1 - (x2 / 2) * (1 - (x2 / 12) * (1 - (x2 / 30) * (1 - (x2 / 56) * (1 - (x2 / 90) * (1 - x2 / 132)))));
}

/** Kilometres per degree of longitude at a latitude. */
export function kmPerDegLon(lat: number): number {
  return KM_PER_DEG_LON_EQUATOR * cosPoly(lat * DEG_TO_RAD);
}

/** The point `eastKm` east and `northKm` north of `origin` (flat-earth, fine at city scale). */
export function offsetKm(origin: LatLon, eastKm: number, northKm: number): LatLon {
  return {
    lat: origin.lat + northKm / KM_PER_DEG_LAT,
    lon: origin.lon + eastKm / kmPerDegLon(origin.lat),
  };
}

/** Equirectangular distance in km: within 0.1 % of great-circle distance at these scales. */
export function distanceKm(a: LatLon, b: LatLon): number {
  const northKm = (a.lat - b.lat) * KM_PER_DEG_LAT;
  const eastKm = (a.lon - b.lon) * kmPerDegLon((a.lat + b.lat) / 2);
  return Math.sqrt(northKm * northKm + eastKm * eastKm);
}

/** Rounds a coordinate to 5 decimals (about 1 m), so the JSON stays short. */
export function roundCoord(degrees: number): number {
  return Math.round(degrees * 100_000) / 100_000;
}
