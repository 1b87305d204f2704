/**
 * The hot loops of the streaming transport/v1 reader: the elements of one column's array while
 * they are plain (numbers of at most 15 significant digits without exponent, strings of printable
 * ASCII without escapes) and lie wholly inside the current chunk. Each loop stops, leaving the
 * scanner's state exact, at the first thing it does not handle — `]`, a chunk end, an exponent,
 * an escape, a wrongly typed element, a syntax error — and the scanner's general state machine
 * takes over from there, so nothing is decided here that the general path would decide
 * differently.
 */
import type { IndexColumn, NumberColumn, StringColumn } from './transport-json-columns.js';
import { asciiText } from './json-stream-text.js';
import { S } from './transport-json-states.js';

/** What the loops need of the scanner. */
export interface FastLoopHost {
  state: S;
  newline(p: number): void;
}

// Exact powers of ten: a mantissa below 2^53 divided by one of these is the correctly rounded
// value of the decimal, as JSON.parse gives it (the classic exact fast path).
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);
const MAX_DIGITS = 15;

/** End of the number plainNumber read last (module state: no object per number). */
let numberEnd = 0;

/**
 * The value of the plain number at `p`, or NaN when it is not plain or may continue past `end`
 * (a JSON number is never NaN). Sets `numberEnd` to the byte after it.
 */
function plainNumber(buf: Uint8Array, p: number, end: number): number {
  let b = buf[p]!;
  const negative = b === 0x2d;
  if (negative) {
    if (++p === end) return Number.NaN;
    b = buf[p]!;
  }
  let mantissa = 0;
  let digits = 0;
  if (b === 0x30) {
    p++;
    digits = 1;
  } else if (b >= 0x31 && b <= 0x39) {
    do {
      mantissa = mantissa * 10 + (b - 0x30);
      digits++;
      if (++p === end) return Number.NaN;
      b = buf[p]!;
    } while (b >= 0x30 && b <= 0x39);
  } else return Number.NaN;
  if (p === end) return Number.NaN;
  b = buf[p]!;
  let scale = 0;
  if (b === 0x2e) {
    const from = ++p;
    while (p < end && (b = buf[p]!) >= 0x30 && b <= 0x39) {
      mantissa = mantissa * 10 + (b - 0x30);
      p++;
    }
    scale = p - from;
    if (scale === 0 || p === end) return Number.NaN;
    digits += scale;
  }
  if (b === 0x65 || b === 0x45 || digits > MAX_DIGITS) return Number.NaN;
  numberEnd = p;
  const value = scale === 0 ? mantissa : mantissa / POW10[scale]!;
  return negative ? -value : value;
}

/**
 * The common index: 1 to 9 digits without sign, fraction or exponent, followed by `,` or `]`
 * inside the chunk. -1 when it is anything else (plainNumber then decides). Sets `numberEnd`.
 */
function smallIndex(buf: Uint8Array, p: number, end: number): number {
  const limit = Math.min(end, p + 9);
  let value = 0;
  let q = p;
  for (; q < limit; q++) {
    const b = buf[q]!;
    if (b < 0x30 || b > 0x39) break;
    value = value * 10 + (b - 0x30);
  }
  if (q === p || q === end || (buf[p] === 0x30 && q > p + 1)) return -1;
  const next = buf[q]!;
  if (next !== 0x2c && next !== 0x5d) return -1;
  numberEnd = q;
  return value;
}

/** Skips JSON whitespace from `p`, noting line feeds; returns the first other position (or `end`). */
function skipSpace(host: FastLoopHost, buf: Uint8Array, p: number, end: number): number {
  for (; p < end; p++) {
    const b = buf[p]!;
    if (b === 0x0a) host.newline(p);
    else if (b !== 0x20 && b !== 0x09 && b !== 0x0d) break;
  }
  return p;
}

/** The scanner state after a loop: still expecting the element it began expecting, after a comma, or after an element. */
function stateAfter(entry: S, expectValue: boolean, sawComma: boolean): S {
  return expectValue ? (sawComma ? S.ArrValue : entry) : S.ArrCommaOrEnd;
}

/** `offers.capacity`, `needs.demand`, `edges.weight`, `edges.cap`. */
export function scanNumberElements(host: FastLoopHost, column: NumberColumn, buf: Uint8Array, p: number, end: number): number {
  const entry = host.state;
  let expectValue = entry !== S.ArrCommaOrEnd;
  let sawComma = false;
  let block = column.block;
  let filled = column.filled;
  while (p < end) {
    const b = buf[p]!;
    if (b <= 0x20) {
      const next = skipSpace(host, buf, p, end);
      if (next === p) break; // a control character: the state machine reports it
      p = next;
      continue;
    }
    if (!expectValue) {
      if (b !== 0x2c) break;
      expectValue = sawComma = true;
      p++;
      continue;
    }
    const value = plainNumber(buf, p, end);
    if (value !== value) break;
    if (filled === block.length) {
      column.filled = filled;
      block = column.nextBlock();
      filled = 0;
    }
    block[filled++] = value;
    p = numberEnd;
    expectValue = false;
  }
  column.filled = filled;
  host.state = stateAfter(entry, expectValue, sawComma);
  return p;
}

/** `edges.offer`, `edges.need`: non-negative int32 values as they are, anything else -1 and noted. */
export function scanIndexElements(host: FastLoopHost, column: IndexColumn, buf: Uint8Array, p: number, end: number): number {
  const entry = host.state;
  let expectValue = entry !== S.ArrCommaOrEnd;
  let sawComma = false;
  let block = column.block;
  let filled = column.filled;
  while (p < end) {
    const b = buf[p]!;
    if (b <= 0x20) {
      const next = skipSpace(host, buf, p, end);
      if (next === p) break; // a control character: the state machine reports it
      p = next;
      continue;
    }
    if (!expectValue) {
      if (b !== 0x2c) break;
      expectValue = sawComma = true;
      p++;
      continue;
    }
    let value = smallIndex(buf, p, end);
    if (value < 0) {
      value = plainNumber(buf, p, end);
      if (value !== value) break;
    }
    if (filled === block.length) {
      column.filled = filled;
      block = column.nextBlock();
      filled = 0;
    }
    if (value === (value | 0) && value >= 0) block[filled++] = value;
    else {
      column.filled = filled;
      column.noteOdd(column.length, value);
      block[filled++] = -1;
    }
    p = numberEnd;
    expectValue = false;
  }
  column.filled = filled;
  host.state = stateAfter(entry, expectValue, sawComma);
  return p;
}

/** `offers.id`, `needs.id`. */
export function scanStringElements(host: FastLoopHost, column: StringColumn, buf: Uint8Array, p: number, end: number): number {
  const entry = host.state;
  let expectValue = entry !== S.ArrCommaOrEnd;
  let sawComma = false;
  while (p < end) {
    const b = buf[p]!;
    if (b <= 0x20) {
      const next = skipSpace(host, buf, p, end);
      if (next === p) break; // a control character: the state machine reports it
      p = next;
      continue;
    }
    if (!expectValue) {
      if (b !== 0x2c) break;
      expectValue = sawComma = true;
      p++;
      continue;
    }
    if (b !== 0x22) break;
    let q = p + 1;
    while (q < end) {
      const c = buf[q]!;
      if (c === 0x22 || c === 0x5c || c < 0x20 || c >= 0x80) break;
      q++;
    }
    if (q === end || buf[q] !== 0x22) break;
    column.push(asciiText(buf, p + 1, q));
    p = q + 1;
    expectValue = false;
  }
  host.state = stateAfter(entry, expectValue, sawComma);
  return p;
}
