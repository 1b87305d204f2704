/**
 * Growable columns for the streaming `transport/v1` JSON reader: each array of the format fills
 * one of these element by element, in fixed-size typed blocks (no JS array of millions of
 * numbers, no doubling copies), and keeps the first problems of its own elements so the final
 * report can list them in the order the whole-string reader does.
 */
import { MAX_ISSUES } from '../transport-model.js';

/** How a column's elements are stored: ids, plain numbers, or edge endpoints (indices). */
export type ColumnKind = 'string' | 'number' | 'index';

/** One array of the format, by its place in the document. */
export interface ColumnSpec {
  readonly section: 'offers' | 'needs' | 'edges';
  readonly key: string;
  readonly kind: ColumnKind;
}

/** The eight arrays, in the order the whole-string reader reports them. */
export const COLUMN_SPECS: readonly ColumnSpec[] = [
  { section: 'offers', key: 'id', kind: 'string' },
  { section: 'offers', key: 'capacity', kind: 'number' },
  { section: 'needs', key: 'id', kind: 'string' },
  { section: 'needs', key: 'demand', kind: 'number' },
  { section: 'edges', key: 'offer', kind: 'index' },
  { section: 'edges', key: 'need', kind: 'index' },
  { section: 'edges', key: 'weight', kind: 'number' },
  { section: 'edges', key: 'cap', kind: 'number' },
];

/** Elements per storage block: 512 KiB of doubles, small next to a province column. */
const BLOCK = 65536;

/** An element of the wrong JSON type, kept with its text for the report. */
export interface ElementIssue {
  readonly index: number;
  /** `JSON.stringify` of the element, as the whole-string reader renders it. */
  readonly shown: string;
}

/** What every column has: a length and the first {@link MAX_ISSUES} wrongly typed elements. */
abstract class ColumnBase {
  readonly wrongType: ElementIssue[] = [];

  abstract get length(): number;

  /** Whether the text of the next wrongly typed element is still wanted. */
  wantsWrongTypeText(): boolean {
    return this.wrongType.length < MAX_ISSUES;
  }

  /** Appends a wrongly typed element (its text, when wanted, rendered by the caller). */
  abstract pushWrongType(shown: string | undefined): void;

  protected noteWrongType(index: number, shown: string | undefined): void {
    if (shown !== undefined && this.wrongType.length < MAX_ISSUES) this.wrongType.push({ index, shown });
  }
}

/** `offers.id`, `needs.id`. */
export class StringColumn extends ColumnBase {
  readonly values: string[] = [];

  get length(): number {
    return this.values.length;
  }

  push(value: string): void {
    this.values.push(value);
  }

  pushWrongType(shown: string | undefined): void {
    this.noteWrongType(this.values.length, shown);
    // The whole-string reader keeps the foreign value; the model is rejected either way.
    this.values.push('');
  }
}

/** Typed blocks filled in place; `block`/`filled` are public so the scanner's hot loop can write directly. */
abstract class BlockColumn<T extends Float64Array | Int32Array> extends ColumnBase {
  private readonly full: T[] = [];
  private done = 0;
  block: T;
  filled = 0;

  /** `expected`: the likely length (a sibling column's), allocated as the first block. */
  constructor(
    private readonly allocate: (n: number) => T,
    expected: number,
  ) {
    super();
    this.block = allocate(Math.max(BLOCK, expected));
  }

  get length(): number {
    return this.done + this.filled;
  }

  /** Called when `block` is full: starts a new one and returns it. */
  nextBlock(): T {
    this.full.push(this.block);
    this.done += this.block.length;
    this.block = this.allocate(BLOCK);
    this.filled = 0;
    return this.block;
  }

  /** The column as one exact-length typed array; the blocks are released. */
  toArray(): T {
    // Exactly as long as expected: the one block is the array, no copy.
    const exact = this.full.length === 0 && this.filled === this.block.length;
    const out = exact ? this.block : this.allocate(this.length);
    if (exact) {
      this.block = this.allocate(0);
      this.filled = 0;
      this.done = out.length;
      return out;
    }
    let at = 0;
    for (const block of this.full) {
      out.set(block, at);
      at += block.length;
    }
    out.set(this.block.subarray(0, this.filled), at);
    this.full.length = 0;
    this.block = this.allocate(0);
    this.done = out.length;
    this.filled = 0;
    return out;
  }

  protected append(value: number): void {
    if (this.filled === this.block.length) this.nextBlock();
    this.block[this.filled++] = value;
  }
}

/** `offers.capacity`, `needs.demand`, `edges.weight`, `edges.cap`: doubles, NaN for a non-number. */
export class NumberColumn extends BlockColumn<Float64Array> {
  constructor(expected = 0) {
    super((n) => new Float64Array(n), expected);
  }

  push(value: number): void {
    this.append(value);
  }

  pushWrongType(shown: string | undefined): void {
    this.noteWrongType(this.length, shown);
    this.append(Number.NaN);
  }
}

/** An index entry that is not a non-negative int32, with its value for the report. */
export interface OddIndex {
  readonly index: number;
  readonly value: number;
}

/**
 * `edges.offer`, `edges.need`: int32 straight away (the range check against the offer or need
 * count waits for the end, when the count is known). Anything else is stored as -1; the first
 * {@link MAX_ISSUES} of those that are numbers are kept with their value, non-numbers are
 * reported as wrong types instead.
 */
export class IndexColumn extends BlockColumn<Int32Array> {
  readonly odd: OddIndex[] = [];

  constructor(expected = 0) {
    super((n) => new Int32Array(n), expected);
  }

  push(value: number): void {
    if (value === (value | 0) && value >= 0) {
      this.append(value);
      return;
    }
    if (this.odd.length < MAX_ISSUES) this.odd.push({ index: this.length, value });
    this.append(-1);
  }

  /** Records an odd value for an entry the hot loop already stored as -1. */
  noteOdd(index: number, value: number): void {
    if (this.odd.length < MAX_ISSUES) this.odd.push({ index, value });
  }

  pushWrongType(shown: string | undefined): void {
    this.noteWrongType(this.length, shown);
    this.append(-1);
  }
}

export type Column = StringColumn | NumberColumn | IndexColumn;

/**
 * A fresh, empty column of a kind. `expected` (a sibling column's length, which the format says
 * it must equal) sizes the first block, so a well-formed file fills one exact array per column.
 */
export function newColumn(kind: ColumnKind, expected = 0): Column {
  if (kind === 'string') return new StringColumn();
  return kind === 'number' ? new NumberColumn(expected) : new IndexColumn(expected);
}
