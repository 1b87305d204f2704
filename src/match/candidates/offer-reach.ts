/**
 * Which offers reach which (community, form) buckets: the `area` rule (districts, service radius)
 * applied once per (offer, community), offer by offer through the community grid, and regrouped
 * by bucket so the candidate scan can then go need by need (its output comes out sorted by need,
 * with no sort over millions of pairs, and each need's counters are touched in one place).
 */
import type { BatchColumns } from '../model/batch-columns.js';
import { CommunityGrid } from './community-grid.js';
import { cosLatitude, distanceKmCos } from './geo.js';

/** Offers reaching each bucket (community * 4 + form), in CSR form, by increasing offer. */
export interface OfferReach {
  readonly start: Int32Array;
  readonly offer: Int32Array;
  /** Km from the offer's base to the community (NaN when the offer has no location). */
  readonly km: Float64Array;
}

export const FORMS = 4;
const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;
/**
 * Below this radius, and below 60° of latitude, a flat (equirectangular) distance that takes the
 * smaller cosine of the two latitudes exceeds the great-circle distance by far less than 5%
 * (only by the great circle's poleward bulge), so a pair whose flat distance is more than 5%
 * beyond the radius is out of range without computing the exact haversine.
 */
const FLAT_TEST_MAX_KM = 500;
const FLAT_TEST_MARGIN = 1.05;

/** The (offer, bucket) pairs of usable offers that pass the area rule, grouped by bucket. */
export function offerReach(col: BatchColumns, grid: CommunityGrid, usable: readonly number[], bucketHasNeeds: (k: number) => boolean): OfferReach {
  const communities = col.communityLat.length;
  const all = new Int32Array(communities);
  for (let c = 0; c < communities; c++) all[c] = c;
  const nearby = new Int32Array(communities);
  const byDistrict = communitiesByDistrict(col);
  const found = new ReachBuffer();
  for (const o of usable) {
    const located = col.offerHasLocation[o] === 1;
    const radius = col.offerRadius[o]!;
    const hasRadius = located && !Number.isNaN(radius);
    const lat = col.offerLat[o]!;
    const lon = col.offerLon[o]!;
    const cosLat = cosLatitude(lat);
    const flatTest = hasRadius && radius <= FLAT_TEST_MAX_KM && cosLat > 0.5;
    const districts = col.offerDistricts[o];
    // Where to look: the grid cells around the base, else the offer's districts, else everywhere.
    const places = hasRadius || districts ? nearby : all;
    const count = hasRadius ? grid.collectWithin(lat, lon, radius, nearby) : districts ? byDistrict.collect(districts, nearby) : communities;
    const form = col.offerForm[o]!;
    for (let i = 0; i < count; i++) {
      const c = places[i]!;
      const k = c * FORMS + form;
      if (!bucketHasNeeds(k)) continue;
      if (districts && districts[col.communityDistrict[c]!] !== 1) continue;
      if (flatTest && col.communityCosLat[c]! > 0.5) {
        const dy = (col.communityLat[c]! - lat) * RAD;
        const dx = (col.communityLon[c]! - lon) * RAD * Math.min(cosLat, col.communityCosLat[c]!);
        if (EARTH_RADIUS_KM * Math.sqrt(dx * dx + dy * dy) > radius * FLAT_TEST_MARGIN) continue;
      }
      const km = located ? distanceKmCos(lat, lon, cosLat, col.communityLat[c]!, col.communityLon[c]!, col.communityCosLat[c]!) : Number.NaN;
      if (hasRadius && !(km <= radius)) continue;
      found.push(k, o, km);
    }
  }
  return found.groupByBucket(communities * FORMS);
}

/** Communities of each district (CSR), to list those of an offer's districts. */
function communitiesByDistrict(col: BatchColumns) {
  const districts = col.districtNames.length;
  const start = new Int32Array(districts + 1);
  for (let c = 0; c < col.communityDistrict.length; c++) start[col.communityDistrict[c]! + 1]!++;
  for (let d = 0; d < districts; d++) start[d + 1]! += start[d]!;
  const next = start.slice(0, districts);
  const members = new Int32Array(col.communityDistrict.length);
  for (let c = 0; c < col.communityDistrict.length; c++) members[next[col.communityDistrict[c]!]!++] = c;
  return {
    /** Writes the communities of the districts marked in `served` into `out`; returns how many. */
    collect(served: Uint8Array, out: Int32Array): number {
      let count = 0;
      for (let d = 0; d < districts; d++) {
        if (served[d] !== 1) continue;
        for (let i = start[d]!; i < start[d + 1]!; i++) out[count++] = members[i]!;
      }
      return count;
    },
  };
}

/** Entries per chunk of the reach buffer. */
const CHUNK = 1 << 20;

/**
 * (bucket, offer, km) triples in fixed-size chunks: no copying as it grows, and no ever larger
 * allocations (each of which would make the garbage collector look at the whole heap).
 */
class ReachBuffer {
  private readonly chunks: Array<{ bucket: Int32Array; offer: Int32Array; km: Float64Array }> = [];
  private used = CHUNK;
  private length = 0;

  push(k: number, o: number, km: number): void {
    if (this.used === CHUNK) {
      this.chunks.push({ bucket: new Int32Array(CHUNK), offer: new Int32Array(CHUNK), km: new Float64Array(CHUNK) });
      this.used = 0;
    }
    const chunk = this.chunks[this.chunks.length - 1]!;
    chunk.bucket[this.used] = k;
    chunk.offer[this.used] = o;
    chunk.km[this.used++] = km;
    this.length++;
  }

  /** A stable counting sort by bucket: offers were pushed in increasing order and stay so. */
  groupByBucket(buckets: number): OfferReach {
    const start = new Int32Array(buckets + 1);
    for (const chunk of this.chunks) for (let i = 0, n = this.size(chunk); i < n; i++) start[chunk.bucket[i]! + 1]!++;
    for (let k = 0; k < buckets; k++) start[k + 1]! += start[k]!;
    const next = start.slice(0, buckets);
    const offer = new Int32Array(this.length);
    const km = new Float64Array(this.length);
    for (const chunk of this.chunks) {
      for (let i = 0, n = this.size(chunk); i < n; i++) {
        const at = next[chunk.bucket[i]!]!++;
        offer[at] = chunk.offer[i]!;
        km[at] = chunk.km[i]!;
      }
    }
    return { start, offer, km };
  }

  private size(chunk: { bucket: Int32Array }): number {
    return chunk === this.chunks[this.chunks.length - 1] ? this.used : CHUNK;
  }
}
