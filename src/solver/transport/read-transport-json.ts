/**
 * Reads the `transport/v1` JSON format into a {@link TransportModel}, reporting every problem
 * (wrong format string, missing or mistyped arrays, length mismatches, bad numbers) with its
 * JSON path in one {@link TransportModelError}.
 */
import { collectValueIssues } from './validate-transport.js';
import {
  MAX_ISSUES,
  TRANSPORT_FORMAT,
  TransportModelError,
  type TransportModel,
  type TransportModelIssue,
} from './transport-model.js';

/** Parses and validates JSON text. Throws {@link TransportModelError} listing all problems. */
export function parseTransportJson(text: string): TransportModel {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new TransportModelError([{ path: [], message: `not JSON: ${(error as Error).message}` }]);
  }
  return transportModelFromJson(doc);
}

/** Validates an already parsed JSON value. */
export function transportModelFromJson(doc: unknown): TransportModel {
  const issues: TransportModelIssue[] = [];
  if (!isObject(doc)) throw new TransportModelError([{ path: [], message: 'expected a JSON object' }]);
  if (doc['format'] !== TRANSPORT_FORMAT) {
    issues.push({ path: ['format'], message: `expected "${TRANSPORT_FORMAT}", got ${JSON.stringify(doc['format'])}` });
  }
  const offers = section(doc, 'offers', issues);
  const needs = section(doc, 'needs', issues);
  const edges = section(doc, 'edges', issues);
  const offerIds = stringArray(offers, ['offers', 'id'], issues);
  const offerCapacity = numberArray(offers, ['offers', 'capacity'], issues);
  const needIds = stringArray(needs, ['needs', 'id'], issues);
  const needDemand = numberArray(needs, ['needs', 'demand'], issues);
  const edgeOffer = numberArray(edges, ['edges', 'offer'], issues);
  const edgeNeed = numberArray(edges, ['edges', 'need'], issues);
  const edgeWeight = numberArray(edges, ['edges', 'weight'], issues);
  const edgeCap = numberArray(edges, ['edges', 'cap'], issues);
  sameLength([['offers', 'id', offerIds], ['offers', 'capacity', offerCapacity]], issues);
  sameLength([['needs', 'id', needIds], ['needs', 'demand', needDemand]], issues);
  sameLength([['edges', 'offer', edgeOffer], ['edges', 'need', edgeNeed], ['edges', 'weight', edgeWeight], ['edges', 'cap', edgeCap]], issues);
  const model: TransportModel = {
    offerIds,
    offerCapacity,
    needIds,
    needDemand,
    edgeOffer: toIndices(edgeOffer, ['edges', 'offer'], offerCapacity.length, issues),
    edgeNeed: toIndices(edgeNeed, ['edges', 'need'], needDemand.length, issues),
    edgeWeight,
    edgeCap,
  };
  // Indices were checked while converting them; the values are checked even if the shape is off.
  collectValueIssues(model, issues);
  if (issues.length > 0) throw new TransportModelError(issues);
  return model;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A section object, or null (reported once) so its arrays are not reported again. */
function section(doc: Record<string, unknown>, key: string, issues: TransportModelIssue[]): Record<string, unknown> | null {
  const value = doc[key];
  if (isObject(value)) return value;
  issues.push({ path: [key], message: value === undefined ? 'missing' : 'expected an object' });
  return null;
}

function stringArray(obj: Record<string, unknown> | null, path: [string, string], issues: TransportModelIssue[]): string[] {
  if (obj === null) return [];
  const value = obj[path[1]];
  if (!Array.isArray(value)) {
    issues.push({ path, message: value === undefined ? 'missing' : 'expected an array of strings' });
    return [];
  }
  for (let i = 0; i < value.length && issues.length < MAX_ISSUES; i++) {
    if (typeof value[i] !== 'string') issues.push({ path: [...path, i], message: `expected a string, got ${JSON.stringify(value[i])}` });
  }
  return value as string[];
}

function numberArray(obj: Record<string, unknown> | null, path: [string, string], issues: TransportModelIssue[]): Float64Array {
  if (obj === null) return new Float64Array(0);
  const value = obj[path[1]];
  if (!Array.isArray(value)) {
    issues.push({ path, message: value === undefined ? 'missing' : 'expected an array of numbers' });
    return new Float64Array(0);
  }
  const out = new Float64Array(value.length);
  for (let i = 0; i < value.length; i++) {
    const v: unknown = value[i];
    if (typeof v === 'number') out[i] = v;
    else {
      out[i] = Number.NaN;
      if (issues.length < MAX_ISSUES) issues.push({ path: [...path, i], message: `expected a number, got ${JSON.stringify(v)}` });
    }
  }
  return out;
}

function sameLength(columns: Array<[string, string, { length: number }]>, issues: TransportModelIssue[]): void {
  const first = columns[0]!;
  for (const [sectionName, key, column] of columns.slice(1)) {
    if (column.length !== first[2].length) {
      issues.push({ path: [sectionName, key], message: `has ${column.length} entries but ${first[0]}.${first[1]} has ${first[2].length}` });
    }
  }
}

/** Index columns become Int32Array; bad entries (reported with their value) become -1. */
function toIndices(values: Float64Array, path: [string, string], count: number, issues: TransportModelIssue[]): Int32Array {
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isInteger(v) && v >= 0 && v < count) {
      out[i] = v;
      continue;
    }
    out[i] = -1;
    if (Number.isNaN(v) || issues.length >= MAX_ISSUES) continue; // NaN: a non-number, already reported
    const message = Number.isInteger(v) ? `index ${v} outside 0..${count - 1}` : `expected an integer index, got ${v}`;
    issues.push({ path: [...path, i], message });
  }
  return out;
}
