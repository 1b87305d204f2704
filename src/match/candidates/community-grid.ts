/**
 * A uniform grid over community locations, so an offer finds the communities within its service
 * radius without looking at every community. Queries return a superset (the grid works on a flat
 * projection with a safety margin); the exact haversine rule decides afterwards.
 */
import type { Community } from '../../domain/batch-schema.js';

const KM_PER_DEGREE_LAT = 110.574;
const KM_PER_DEGREE_LON_AT_EQUATOR = 111.32;
/** Flat-projection error across a region a few degrees tall stays far below this share. */
const SAFETY_MARGIN = 0.15;

export class CommunityGrid {
  private readonly cellKm: number;
  private readonly kmPerDegreeLon: number;
  private readonly minX: number;
  private readonly minY: number;
  private readonly columns: number;
  private readonly rows: number;
  /** CSR layout: communities of cell k are members[start[k] .. start[k+1]). */
  private readonly start: Int32Array;
  private readonly members: Int32Array;

  constructor(communities: readonly Community[], cellKm = 5) {
    this.cellKm = cellKm;
    const meanLat = communities.reduce((s, c) => s + c.location.lat, 0) / Math.max(1, communities.length);
    // The smallest cos(lat) in the region keeps x-distances from being underestimated.
    const maxAbsLat = communities.reduce((m, c) => Math.max(m, Math.abs(c.location.lat)), Math.abs(meanLat));
    this.kmPerDegreeLon = KM_PER_DEGREE_LON_AT_EQUATOR * Math.max(0.01, Math.cos((Math.min(89, maxAbsLat) * Math.PI) / 180));
    const xs = communities.map((c) => c.location.lon * this.kmPerDegreeLon);
    const ys = communities.map((c) => c.location.lat * KM_PER_DEGREE_LAT);
    this.minX = xs.length > 0 ? xs.reduce((m, x) => Math.min(m, x), Infinity) : 0;
    this.minY = ys.length > 0 ? ys.reduce((m, y) => Math.min(m, y), Infinity) : 0;
    const maxX = xs.reduce((m, x) => Math.max(m, x), this.minX);
    const maxY = ys.reduce((m, y) => Math.max(m, y), this.minY);
    this.columns = Math.max(1, Math.min(4096, Math.floor((maxX - this.minX) / cellKm) + 1));
    this.rows = Math.max(1, Math.min(4096, Math.floor((maxY - this.minY) / cellKm) + 1));
    const cellOf = communities.map((_, i) => this.cell(xs[i]!, ys[i]!));
    this.start = new Int32Array(this.columns * this.rows + 1);
    for (const k of cellOf) this.start[k + 1]!++;
    for (let k = 0; k < this.columns * this.rows; k++) this.start[k + 1]! += this.start[k]!;
    const fill = this.start.slice(0, -1);
    this.members = new Int32Array(communities.length);
    cellOf.forEach((k, i) => (this.members[fill[k]!++] = i));
  }

  private cell(x: number, y: number): number {
    const cx = Math.min(this.columns - 1, Math.max(0, Math.floor((x - this.minX) / this.cellKm)));
    const cy = Math.min(this.rows - 1, Math.max(0, Math.floor((y - this.minY) / this.cellKm)));
    return cy * this.columns + cx;
  }

  /**
   * Writes the communities possibly within `radiusKm` of a point into `out` (room for every
   * community), cell by cell, and returns how many: no allocation and no sort per query.
   */
  collectWithin(lat: number, lon: number, radiusKm: number, out: Int32Array): number {
    const r = radiusKm * (1 + SAFETY_MARGIN) + 1;
    const x = lon * this.kmPerDegreeLon;
    const y = lat * KM_PER_DEGREE_LAT;
    const x0 = Math.max(0, Math.floor((x - r - this.minX) / this.cellKm));
    const x1 = Math.min(this.columns - 1, Math.floor((x + r - this.minX) / this.cellKm));
    const y0 = Math.max(0, Math.floor((y - r - this.minY) / this.cellKm));
    const y1 = Math.min(this.rows - 1, Math.floor((y + r - this.minY) / this.cellKm));
    let count = 0;
    for (let cy = y0; cy <= y1; cy++) {
      for (let k = cy * this.columns + x0, end = cy * this.columns + x1; k <= end; k++) {
        for (let i = this.start[k]!; i < this.start[k + 1]!; i++) out[count++] = this.members[i]!;
      }
    }
    return count;
  }
}
