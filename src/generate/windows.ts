/**
 * Time windows in 2026–2027, whole months: a need's window says when it must be met, an
 * offer's when the provider can give. Dates are built from integers, not from a clock.
 */
import type { TimeWindow } from '../domain/batch-schema.js';
import type { Rng } from './prng.js';

/** Month index 0 = January 2026, 23 = December 2027. */
const LAST_MONTH = 23;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function monthDate(monthIndex: number, last: boolean): string {
  const year = 2026 + Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const day = last ? daysIn(year, month) : 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A window of whole months starting in [firstStart, lastStart] and lasting [minMonths, maxMonths], cut at 2027-12. */
export function monthWindow(rng: Rng, firstStart: number, lastStart: number, minMonths: number, maxMonths: number): TimeWindow {
  const start = rng.int(firstStart, lastStart);
  const end = Math.min(LAST_MONTH, start + rng.int(minMonths, maxMonths) - 1);
  return { start: monthDate(start, false), end: monthDate(end, true) };
}

/** When a need must be met: 1–6 months starting between 2026-01 and 2027-06. */
export function needWindow(rng: Rng): TimeWindow {
  return monthWindow(rng, 0, 17, 1, 6);
}

/** When an offer is available: 6–18 months starting in 2026. */
export function offerWindow(rng: Rng): TimeWindow {
  return monthWindow(rng, 0, 11, 6, 18);
}
