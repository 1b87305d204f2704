/**
 * Checks the numbers of a transport model, whichever file it came from: indices in range,
 * capacities/demands/caps non-negative integers, weights finite and >= 0.
 */
import { MAX_ISSUES, type TransportModel, type TransportModelIssue } from './transport-model.js';

/** Collects every issue into `issues` (stopping at MAX_ISSUES); throws nothing. */
export function collectTransportIssues(model: TransportModel, issues: TransportModelIssue[]): void {
  checkIndices(['edges', 'offer'], model.edgeOffer, model.offerCapacity.length, issues);
  checkIndices(['edges', 'need'], model.edgeNeed, model.needDemand.length, issues);
  collectValueIssues(model, issues);
}

/** The checks that do not involve indices: capacities, demands, caps, weights. */
export function collectValueIssues(model: TransportModel, issues: TransportModelIssue[]): void {
  checkCounts(['offers', 'capacity'], model.offerCapacity, issues);
  checkCounts(['needs', 'demand'], model.needDemand, issues);
  checkWeights(model.edgeWeight, issues);
  checkCounts(['edges', 'cap'], model.edgeCap, issues);
}

function checkCounts(path: readonly string[], values: Float64Array, issues: TransportModelIssue[]): void {
  for (let i = 0; i < values.length && issues.length < MAX_ISSUES; i++) {
    const v = values[i]!;
    // NaN marks an entry the JSON reader already reported as not a number.
    if (!(Number.isSafeInteger(v) && v >= 0) && !Number.isNaN(v)) issues.push({ path: [...path, i], message: `expected an integer >= 0, got ${v}` });
  }
}

function checkIndices(path: readonly string[], values: Int32Array, count: number, issues: TransportModelIssue[]): void {
  for (let i = 0; i < values.length && issues.length < MAX_ISSUES; i++) {
    const v = values[i]!;
    if (v < 0 || v >= count) issues.push({ path: [...path, i], message: `index ${v} outside 0..${count - 1}` });
  }
}

function checkWeights(values: Float64Array, issues: TransportModelIssue[]): void {
  for (let i = 0; i < values.length && issues.length < MAX_ISSUES; i++) {
    const v = values[i]!;
    if (!(Number.isFinite(v) && v >= 0) && !Number.isNaN(v)) issues.push({ path: ['edges', 'weight', i], message: `expected a finite number >= 0, got ${v}` });
  }
}
