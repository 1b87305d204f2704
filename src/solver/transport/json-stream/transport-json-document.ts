/**
 * What the streaming `transport/v1` reader learns about the document while scanning it (is the
 * root an object, the `format` value, which sections and arrays were present and of which type,
 * the filled columns), and the final model with every issue in the order and wording of the
 * whole-string reader (read-transport-json.ts): format, sections, arrays with their wrongly typed
 * elements, length mismatches, index ranges, then the value checks of validate-transport.ts.
 *
 * Duplicate keys behave as in `JSON.parse`: the last occurrence wins.
 */
import { COLUMN_SPECS, IndexColumn, StringColumn, newColumn, type Column } from './transport-json-columns.js';
import { collectValueIssues } from '../validate-transport.js';
import {
  MAX_ISSUES,
  TRANSPORT_FORMAT,
  TransportModelError,
  type TransportModel,
  type TransportModelIssue,
} from '../transport-model.js';

/** What a value about to be read is for (its place in the document). */
export const ROLE_SKIP = 0;
export const ROLE_ROOT = 1;
export const ROLE_FORMAT = 2;
/** + section number (0 offers, 1 needs, 2 edges). */
export const ROLE_SECTION = 10;
/** + column number (index into COLUMN_SPECS): the value of a section key that names an array. */
export const ROLE_COLUMN = 20;
/** + column number: an element of that array. */
export const ROLE_ELEMENT = 30;

const SECTIONS = ['offers', 'needs', 'edges'] as const;
type Presence = 'missing' | 'present' | 'wrong-type';

/** The format value as captured: its text, or only its size when too long to keep. */
export type CapturedFormat = { readonly shown: string } | { readonly bytes: number };

export class TransportJsonDocument {
  private root: 'object' | 'other' | undefined;
  private format: CapturedFormat | undefined;
  private readonly sections: Presence[] = ['missing', 'missing', 'missing'];
  private readonly columns: Array<Column | 'missing' | 'wrong-type'> = COLUMN_SPECS.map(() => 'missing');
  private readonly sealed: Array<Float64Array | Int32Array | string[] | undefined> = COLUMN_SPECS.map(() => undefined);

  /** The role of the value under `key` in an object whose own role is `objectRole`. */
  roleOfKey(objectRole: number, key: string): number {
    if (objectRole === ROLE_ROOT) {
      if (key === 'format') return ROLE_FORMAT;
      const s = SECTIONS.indexOf(key as (typeof SECTIONS)[number]);
      return s < 0 ? ROLE_SKIP : ROLE_SECTION + s;
    }
    if (objectRole >= ROLE_SECTION && objectRole < ROLE_COLUMN) {
      const section = SECTIONS[objectRole - ROLE_SECTION];
      const c = COLUMN_SPECS.findIndex((spec) => spec.section === section && spec.key === key);
      return c < 0 ? ROLE_SKIP : ROLE_COLUMN + c;
    }
    return ROLE_SKIP;
  }

  openRoot(isObject: boolean): void {
    this.root = isObject ? 'object' : 'other';
  }

  setFormat(format: CapturedFormat): void {
    this.format = format;
  }

  /** A section key was met: its earlier value and arrays are forgotten. */
  openSection(section: number, isObject: boolean): void {
    this.sections[section] = isObject ? 'present' : 'wrong-type';
    COLUMN_SPECS.forEach((spec, c) => {
      if (spec.section === SECTIONS[section]) this.setColumn(c, 'missing');
    });
  }

  /** An array key was met: a fresh column when its value is an array. */
  openColumn(c: number, isArray: boolean): Column | undefined {
    const column = isArray ? newColumn(COLUMN_SPECS[c]!.kind, this.siblingLength(c)) : undefined;
    this.setColumn(c, column ?? 'wrong-type');
    return column;
  }

  /** Column `c` while its array is being read. */
  liveColumn(c: number): Column | undefined {
    const column = this.columns[c];
    return typeof column === 'string' ? undefined : column;
  }

  /** The length of an already read array of the same section (0 if none): the length column `c` should have. */
  private siblingLength(c: number): number {
    const section = COLUMN_SPECS[c]!.section;
    let length = 0;
    COLUMN_SPECS.forEach((spec, other) => {
      const sealed = this.sealed[other];
      if (other !== c && spec.section === section && sealed !== undefined) length = Math.max(length, sealed.length);
    });
    return length;
  }

  /** The array of column `c` closed: its blocks become one typed array. */
  sealColumn(c: number): void {
    const column = this.columns[c]!;
    if (typeof column === 'string') return;
    this.sealed[c] = column instanceof StringColumn ? column.values : column.toArray();
  }

  /** The model, or a {@link TransportModelError} with every problem. Call once, after the document ended. */
  toModel(): TransportModel {
    if (this.root !== 'object') throw new TransportModelError([{ path: [], message: 'expected a JSON object' }]);
    const issues: TransportModelIssue[] = [];
    this.formatIssue(issues);
    SECTIONS.forEach((name, s) => {
      const presence = this.sections[s]!;
      if (presence !== 'present') issues.push({ path: [name], message: presence === 'missing' ? 'missing' : 'expected an object' });
    });
    const strings = (c: number) => this.columnOf(c, issues) as string[];
    const numbers = (c: number) => this.columnOf(c, issues) as Float64Array;
    const indices = (c: number) => this.columnOf(c, issues) as Int32Array;
    const offerIds = strings(0), offerCapacity = numbers(1), needIds = strings(2), needDemand = numbers(3);
    const edgeOffer = indices(4), edgeNeed = indices(5), edgeWeight = numbers(6), edgeCap = numbers(7);
    sameLength([[0, offerIds], [1, offerCapacity]], issues);
    sameLength([[2, needIds], [3, needDemand]], issues);
    sameLength([[4, edgeOffer], [5, edgeNeed], [6, edgeWeight], [7, edgeCap]], issues);
    this.checkIndices(4, edgeOffer, offerCapacity.length, issues);
    this.checkIndices(5, edgeNeed, needDemand.length, issues);
    const model: TransportModel = { offerIds, offerCapacity, needIds, needDemand, edgeOffer, edgeNeed, edgeWeight, edgeCap };
    collectValueIssues(model, issues);
    if (issues.length > 0) throw new TransportModelError(issues);
    return model;
  }

  private setColumn(c: number, value: Column | 'missing' | 'wrong-type'): void {
    this.columns[c] = value;
    this.sealed[c] = undefined;
  }

  private formatIssue(issues: TransportModelIssue[]): void {
    const format = this.format;
    if (format !== undefined && 'shown' in format && format.shown === JSON.stringify(TRANSPORT_FORMAT)) return;
    const got = format === undefined ? 'undefined' : 'shown' in format ? format.shown : `a JSON value of ${format.bytes} bytes`;
    issues.push({ path: ['format'], message: `expected "${TRANSPORT_FORMAT}", got ${got}` });
  }

  /** A column's values (empty when absent), reporting its absence or its wrongly typed elements. */
  private columnOf(c: number, issues: TransportModelIssue[]): string[] | Float64Array | Int32Array {
    const spec = COLUMN_SPECS[c]!;
    const empty = spec.kind === 'string' ? [] : spec.kind === 'number' ? new Float64Array(0) : new Int32Array(0);
    if (this.sections[SECTIONS.indexOf(spec.section)] !== 'present') return empty;
    const column = this.columns[c]!;
    const path = [spec.section, spec.key];
    if (typeof column === 'string') {
      const expected = spec.kind === 'string' ? 'an array of strings' : 'an array of numbers';
      issues.push({ path, message: column === 'missing' ? 'missing' : `expected ${expected}` });
      return empty;
    }
    const what = spec.kind === 'string' ? 'a string' : 'a number';
    for (const bad of column.wrongType) {
      if (issues.length >= MAX_ISSUES) break;
      issues.push({ path: [...path, bad.index], message: `expected ${what}, got ${bad.shown}` });
    }
    return this.sealed[c] ?? empty;
  }

  /** Range check of an index column now that the counts are known; bad entries become -1. */
  private checkIndices(c: number, values: Int32Array, count: number, issues: TransportModelIssue[]): void {
    const column = this.columns[c];
    const odd = column instanceof IndexColumn ? column.odd : [];
    const path = [COLUMN_SPECS[c]!.section, COLUMN_SPECS[c]!.key];
    let next = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v >= 0 && v < count) continue;
      values[i] = -1;
      let message: string | undefined;
      if (v >= count) message = `index ${v} outside 0..${count - 1}`;
      else if (next < odd.length && odd[next]!.index === i) {
        const x = odd[next++]!.value;
        message = Number.isInteger(x) ? `index ${x} outside 0..${count - 1}` : `expected an integer index, got ${x}`;
      } // else: not a number, reported as such already
      if (message !== undefined && issues.length < MAX_ISSUES) issues.push({ path: [...path, i], message });
    }
  }
}

function sameLength(columns: Array<[number, { length: number }]>, issues: TransportModelIssue[]): void {
  const [firstColumn, first] = columns[0]!;
  const firstName = `${COLUMN_SPECS[firstColumn]!.section}.${COLUMN_SPECS[firstColumn]!.key}`;
  for (const [c, column] of columns.slice(1)) {
    if (column.length !== first.length) {
      issues.push({ path: [COLUMN_SPECS[c]!.section, COLUMN_SPECS[c]!.key], message: `has ${column.length} entries but ${firstName} has ${first.length}` });
    }
  }
}
