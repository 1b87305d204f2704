/**
 * A push scanner for one `transport/v1` JSON document fed in byte chunks of any size. It checks
 * the complete JSON grammar itself (no `JSON.parse` of large text) and hands each value to the
 * {@link TransportJsonDocument} by its role: the eight arrays fill typed columns in place, the
 * `format` value and wrongly typed elements are captured as text (bounded), everything else
 * (meta, unknown keys) is checked and dropped. Memory is the columns plus the largest single
 * string or number token, never the document.
 *
 * Two paths: a general byte-at-a-time state machine that can stop and resume anywhere, and hot
 * loops (transport-json-fast.ts) for array elements that are plain numbers or plain ASCII
 * strings lying wholly inside the current chunk, which are nearly all bytes of a model file.
 * The hot loops hand over to the state machine at anything else (a chunk end, an escape, a
 * wrongly typed element, a syntax error), which reports the error or resumes the token.
 */
import { IndexColumn, NumberColumn, StringColumn, type Column } from './transport-json-columns.js';
import {
  ROLE_COLUMN,
  ROLE_ELEMENT,
  ROLE_FORMAT,
  ROLE_ROOT,
  ROLE_SECTION,
  ROLE_SKIP,
  TransportJsonDocument,
} from './transport-json-document.js';
import { S } from './transport-json-states.js';
import { scanIndexElements, scanNumberElements, scanStringElements } from './transport-json-fast.js';
import { JsonSyntaxError, asciiText, describeByte, joinBytes, jsonStringValue, renderCapturedValue } from './json-stream-text.js';

/** Number grammar states (RFC 8259): where an unfinished number stands. */
const enum N {
  Start,
  Minus,
  Zero,
  Int,
  Dot,
  Frac,
  E,
  ESign,
  Exp,
  End,
  Invalid,
}

const STRING_SKIP = 0;
const STRING_KEY = 1;
const STRING_ID = 2;
/** Captured text kept for a report (format value, wrongly typed element); longer ones are only measured. */
const CAPTURE_LIMIT = 16 * 1024;
const OBJECT = 0;
const ARRAY = 1;

export class TransportJsonScanner {
  readonly document = new TransportJsonDocument();
  /** Input offset of the current chunk's first byte. */
  base = 0;
  state: S = S.Value;
  /** Role of the value due in state Value. */
  private role = ROLE_ROOT;
  /** Open containers: role * 2 + (0 object | 1 array). */
  private readonly frames: number[] = [];
  /** The column whose array is the innermost open container, for the hot loops. */
  column: Column | undefined;
  private columnNumber = -1;
  // Position bookkeeping for messages: line number, input offset where it starts, and UTF-8
  // continuation bytes met on it so far (columns count code points).
  private line = 1;
  private lineStart = 0;
  private continuation = 0;
  // The token being read by the state machine.
  private stringPurpose = STRING_SKIP;
  private stringIsKey = false;
  private stringEscape = 0;
  private stringHasEscape = false;
  private stringNonAscii = false;
  private stringFrom = 0;
  private readonly stringParts: Uint8Array[] = [];
  private numberState = N.Start;
  private numberText = '';
  private numberStored = false;
  private literal = '';
  private literalAt = 0;
  // A value whose end must be noticed: the format value or a wrongly typed element.
  private pendingDepth = -1;
  private pendingColumn: Column | undefined;
  private capturing = false;
  private captureFrom = 0;
  private captureBytes = 0;
  private readonly captureParts: Uint8Array[] = [];

  /** Scans one chunk; throws {@link JsonSyntaxError}. */
  feed(chunk: Uint8Array): void {
    let p = 0;
    const end = chunk.length;
    while (p < end) {
      const column = this.column;
      if (column !== undefined && this.state >= S.ArrValueOrEnd && this.state <= S.ArrCommaOrEnd) {
        if (column instanceof NumberColumn) p = scanNumberElements(this, column, chunk, p, end);
        else if (column instanceof IndexColumn) p = scanIndexElements(this, column, chunk, p, end);
        else p = scanStringElements(this, column, chunk, p, end);
        if (p >= end) break;
      }
      p = this.step(chunk, p, end);
    }
    this.keepUnfinished(chunk, end);
    this.base += end;
  }

  /** The input is complete: finishes a trailing number, or fails if the document is unfinished. */
  end(): void {
    if (this.state === S.InNumber && numberCanEnd(this.numberState)) this.finishNumber(undefined, 0);
    if (this.state !== S.Done) this.fail(0, 'unexpected end of input');
  }

  /** Notes a line feed at `p` of the current chunk (the hot loops call this too). */
  newline(p: number): void {
    this.line++;
    this.lineStart = this.base + p + 1;
    this.continuation = 0;
  }

  /** Throws a {@link JsonSyntaxError} at `p` of the current chunk. */
  fail(p: number, reason: string): never {
    const offset = this.base + p;
    throw new JsonSyntaxError(offset, this.line, offset - this.lineStart - this.continuation + 1, reason);
  }

  /** Advances over at least one byte in the general way. */
  private step(buf: Uint8Array, p: number, end: number): number {
    const state = this.state;
    if (state === S.InString) return this.continueString(buf, p, end);
    if (state === S.InNumber) return this.continueNumber(buf, p, end);
    if (state === S.InLiteral) return this.continueLiteral(buf, p);
    const b = buf[p]!;
    if (state === S.Bom1 || state === S.Bom2) return this.continueBom(b, p);
    if (b === 0x20 || b === 0x09 || b === 0x0d) return p + 1;
    if (b === 0x0a) {
      this.newline(p);
      return p + 1;
    }
    switch (state) {
      case S.Value:
        if (b === 0xef && this.base + p === 0) {
          this.state = S.Bom1;
          return p + 1;
        }
        return this.startValue(buf, p, this.role);
      case S.ObjKeyOrEnd:
        if (b === 0x7d) return this.close(buf, p);
        return this.startKey(b, p, "expected a key or '}'");
      case S.ObjKey:
        return this.startKey(b, p, 'expected a key');
      case S.Colon:
        if (b !== 0x3a) this.fail(p, `expected ':', found ${describeByte(b)}`);
        this.state = S.Value;
        return p + 1;
      case S.ObjCommaOrEnd:
        if (b === 0x2c) this.state = S.ObjKey;
        else if (b === 0x7d) return this.close(buf, p);
        else this.fail(p, `expected ',' or '}', found ${describeByte(b)}`);
        return p + 1;
      case S.ArrValueOrEnd:
        if (b === 0x5d) return this.close(buf, p);
        return this.startValue(buf, p, this.elementRole());
      case S.ArrValue:
        return this.startValue(buf, p, this.elementRole());
      case S.ArrCommaOrEnd:
        if (b === 0x2c) this.state = S.ArrValue;
        else if (b === 0x5d) return this.close(buf, p);
        else this.fail(p, `expected ',' or ']', found ${describeByte(b)}`);
        return p + 1;
      default:
        return this.fail(p, `unexpected ${describeByte(b)} after the JSON value`);
    }
  }

  /** A UTF-8 byte-order mark at the very start is skipped, as decoding the file would. */
  private continueBom(b: number, p: number): number {
    const expected = this.state === S.Bom1 ? 0xbb : 0xbf;
    if (b !== expected) this.fail(p, `unexpected ${describeByte(b)}`);
    if (this.state === S.Bom2) {
      this.state = S.Value;
      this.lineStart = this.base + p + 1;
    } else this.state = S.Bom2;
    return p + 1;
  }

  private elementRole(): number {
    return this.columnNumber >= 0 ? ROLE_ELEMENT + this.columnNumber : ROLE_SKIP;
  }

  private startKey(b: number, p: number, expected: string): number {
    if (b !== 0x22) this.fail(p, `${expected}, found ${describeByte(b)}`);
    const objectRole = this.frames[this.frames.length - 1]! >> 1;
    const wanted = objectRole === ROLE_ROOT || (objectRole >= ROLE_SECTION && objectRole < ROLE_COLUMN);
    this.beginString(p + 1, wanted ? STRING_KEY : STRING_SKIP, true);
    return p + 1;
  }

  /** Starts the value at `p`, telling the document what it is by its role and first byte. */
  private startValue(buf: Uint8Array, p: number, role: number): number {
    const b = buf[p]!;
    let frameRole = ROLE_SKIP;
    let column: Column | undefined;
    let stringPurpose = STRING_SKIP;
    let storeNumber = false;
    if (role === ROLE_ROOT) {
      this.document.openRoot(b === 0x7b);
      if (b === 0x7b) frameRole = ROLE_ROOT;
    } else if (role === ROLE_FORMAT) this.beginPending(p, undefined, true);
    else if (role >= ROLE_ELEMENT) {
      const own = this.column!;
      if (own instanceof StringColumn ? b === 0x22 : b === 0x2d || (b >= 0x30 && b <= 0x39)) {
        stringPurpose = STRING_ID;
        storeNumber = true;
      } else this.beginPending(p, own, own.wantsWrongTypeText());
    } else if (role >= ROLE_COLUMN) {
      column = this.document.openColumn(role - ROLE_COLUMN, b === 0x5b);
      if (column) frameRole = role;
    } else if (role >= ROLE_SECTION) {
      this.document.openSection(role - ROLE_SECTION, b === 0x7b);
      if (b === 0x7b) frameRole = role;
    }
    if (b === 0x7b || b === 0x5b) {
      this.frames.push(frameRole * 2 + (b === 0x7b ? OBJECT : ARRAY));
      this.setColumn(column, column ? role - ROLE_COLUMN : -1);
      this.state = b === 0x7b ? S.ObjKeyOrEnd : S.ArrValueOrEnd;
      return p + 1;
    }
    if (b === 0x22) {
      this.beginString(p + 1, stringPurpose, false);
      return p + 1;
    }
    if (b === 0x2d || (b >= 0x30 && b <= 0x39)) {
      this.state = S.InNumber;
      this.numberState = N.Start;
      this.numberStored = storeNumber;
      this.numberText = '';
      return this.continueNumber(buf, p, buf.length);
    }
    const literal = b === 0x74 ? 'true' : b === 0x66 ? 'false' : b === 0x6e ? 'null' : '';
    if (literal === '') this.fail(p, `expected a value, found ${describeByte(b)}`);
    this.state = S.InLiteral;
    this.literal = literal;
    this.literalAt = 1;
    return p + 1;
  }

  private setColumn(column: Column | undefined, columnNumber: number): void {
    this.column = column;
    this.columnNumber = columnNumber;
  }

  /** Closes the innermost container (its closing bracket is at `p`). */
  private close(buf: Uint8Array, p: number): number {
    const role = this.frames.pop()! >> 1;
    if (role >= ROLE_COLUMN && role < ROLE_ELEMENT) this.document.sealColumn(role - ROLE_COLUMN);
    // Back inside a column's array after a wrongly typed element that was an object or array.
    const outer = this.frames[this.frames.length - 1];
    const outerRole = outer === undefined ? ROLE_SKIP : outer >> 1;
    const c = outerRole >= ROLE_COLUMN && outerRole < ROLE_ELEMENT ? outerRole - ROLE_COLUMN : -1;
    this.setColumn(c >= 0 ? this.document.liveColumn(c) : undefined, c);
    return this.valueEnded(buf, p + 1);
  }

  /** A value ended just before `p`; `buf` is undefined at the end of input. */
  private valueEnded(buf: Uint8Array | undefined, p: number): number {
    if (this.pendingDepth === this.frames.length) this.finishPending(buf, p);
    const outer = this.frames[this.frames.length - 1];
    this.state = outer === undefined ? S.Done : (outer & 1) === OBJECT ? S.ObjCommaOrEnd : S.ArrCommaOrEnd;
    return p;
  }

  private beginPending(p: number, column: Column | undefined, capture: boolean): void {
    this.pendingDepth = this.frames.length;
    this.pendingColumn = column;
    this.capturing = capture;
    this.captureFrom = p;
    this.captureBytes = 0;
    this.captureParts.length = 0;
  }

  private finishPending(buf: Uint8Array | undefined, p: number): void {
    if (buf !== undefined) this.keepCaptured(buf, p);
    const shown = this.capturing ? (this.captureBytes > CAPTURE_LIMIT ? `a JSON value of ${this.captureBytes} bytes` : renderCapturedValue(joinBytes(this.captureParts))) : undefined;
    if (this.pendingColumn) this.pendingColumn.pushWrongType(shown);
    else this.document.setFormat(this.captureBytes > CAPTURE_LIMIT ? { bytes: this.captureBytes } : { shown: shown! });
    this.pendingDepth = -1;
    this.pendingColumn = undefined;
    this.capturing = false;
    this.captureParts.length = 0;
  }

  /** Copies captured bytes up to `p` of the current chunk (only the first CAPTURE_LIMIT + 1 are kept). */
  private keepCaptured(buf: Uint8Array, p: number): void {
    if (!this.capturing) return;
    const kept = this.captureBytes;
    this.captureBytes += p - this.captureFrom;
    if (kept <= CAPTURE_LIMIT) this.captureParts.push(buf.slice(this.captureFrom, Math.min(p, this.captureFrom + CAPTURE_LIMIT + 1 - kept)));
    this.captureFrom = 0;
  }

  /** At a chunk's end: copies what an unfinished string or capture still needs from it. */
  private keepUnfinished(buf: Uint8Array, end: number): void {
    if (this.state === S.InString && this.stringPurpose !== STRING_SKIP) this.stringParts.push(buf.slice(this.stringFrom, end));
    this.stringFrom = 0;
    this.keepCaptured(buf, end);
  }

  private beginString(from: number, purpose: number, isKey: boolean): void {
    this.state = S.InString;
    this.stringIsKey = isKey;
    this.stringPurpose = purpose;
    this.stringEscape = 0;
    this.stringHasEscape = false;
    this.stringNonAscii = false;
    this.stringFrom = from;
    this.stringParts.length = 0;
  }

  /** Reads string content up to the closing quote or the chunk's end, checking escapes and control characters. */
  private continueString(buf: Uint8Array, p: number, end: number): number {
    let escape = this.stringEscape;
    for (; p < end; p++) {
      const b = buf[p]!;
      if (escape === 0) {
        if (b === 0x22) break;
        if (b === 0x5c) escape = 1;
        else if (b < 0x20) this.fail(p, `${describeByte(b)} (a control character) inside a string`);
        else if (b >= 0x80) {
          this.stringNonAscii = true;
          if ((b & 0xc0) === 0x80) this.continuation++;
        }
      } else if (escape === 1) {
        if (b === 0x75) escape = 2;
        else if (b === 0x22 || b === 0x5c || b === 0x2f || b === 0x62 || b === 0x66 || b === 0x6e || b === 0x72 || b === 0x74) escape = 0;
        else this.fail(p, b > 0x20 && b < 0x7f ? `invalid escape \\${String.fromCharCode(b)} in a string` : `invalid escape: ${describeByte(b)} after a backslash in a string`);
        this.stringHasEscape = true;
      } else {
        const hex = (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x66);
        if (!hex) this.fail(p, `expected a hex digit in a \\u escape, found ${describeByte(b)}`);
        escape = escape === 5 ? 0 : escape + 1;
      }
    }
    this.stringEscape = escape;
    return p === end ? p : this.finishString(buf, p);
  }

  /** The closing quote is at `p`: hands the string to its purpose (a key, an id, or nothing). */
  private finishString(buf: Uint8Array, p: number): number {
    const purpose = this.stringPurpose;
    let text = '';
    if (purpose !== STRING_SKIP) {
      this.stringParts.push(buf.subarray(this.stringFrom, p));
      text = jsonStringValue(joinBytes(this.stringParts), this.stringHasEscape, this.stringNonAscii);
      this.stringParts.length = 0;
    }
    if (this.stringIsKey) {
      this.role = purpose === STRING_KEY ? this.document.roleOfKey(this.frames[this.frames.length - 1]! >> 1, text) : ROLE_SKIP;
      this.state = S.Colon;
      return p + 1;
    }
    if (purpose === STRING_ID) (this.column as StringColumn).push(text);
    return this.valueEnded(buf, p + 1);
  }

  /** Reads number bytes up to the first byte that cannot continue it (or the chunk's end). */
  private continueNumber(buf: Uint8Array, p: number, end: number): number {
    let state = this.numberState;
    const from = p;
    for (; p < end; p++) {
      const next = nextNumberState(state, buf[p]!);
      if (next === N.End) break;
      if (next === N.Invalid) this.fail(p, `${describeByte(buf[p]!)} where a number needs a digit`);
      state = next;
    }
    this.numberState = state;
    if (this.numberStored) this.numberText += asciiText(buf, from, p);
    return p === end ? p : this.finishNumber(buf, p);
  }

  /** The number ended before `p` (`buf` undefined: at the end of input). */
  private finishNumber(buf: Uint8Array | undefined, p: number): number {
    if (this.numberStored) (this.column as NumberColumn | IndexColumn).push(Number(this.numberText));
    return this.valueEnded(buf, p);
  }

  private continueLiteral(buf: Uint8Array, p: number): number {
    const b = buf[p]!;
    if (b !== this.literal.charCodeAt(this.literalAt)) this.fail(p, `invalid literal, expected '${this.literal}'`);
    if (++this.literalAt < this.literal.length) return p + 1;
    return this.valueEnded(buf, p + 1);
  }
}

/** Number grammar (RFC 8259) one byte at a time: the next state, N.End, or N.Invalid. */
function nextNumberState(state: N, b: number): N {
  const digit = b >= 0x30 && b <= 0x39;
  const exponent = b === 0x65 || b === 0x45;
  switch (state) {
    case N.Start:
      return b === 0x2d ? N.Minus : b === 0x30 ? N.Zero : N.Int;
    case N.Minus:
      return b === 0x30 ? N.Zero : digit ? N.Int : N.Invalid;
    case N.Zero:
      return b === 0x2e ? N.Dot : exponent ? N.E : N.End;
    case N.Int:
      return digit ? N.Int : b === 0x2e ? N.Dot : exponent ? N.E : N.End;
    case N.Dot:
      return digit ? N.Frac : N.Invalid;
    case N.Frac:
      return digit ? N.Frac : exponent ? N.E : N.End;
    case N.E:
      return b === 0x2b || b === 0x2d ? N.ESign : digit ? N.Exp : N.Invalid;
    case N.ESign:
      return digit ? N.Exp : N.Invalid;
    default:
      return digit ? N.Exp : N.End;
  }
}

/** Number states in which the number may end. */
function numberCanEnd(state: N): boolean {
  return state === N.Zero || state === N.Int || state === N.Frac || state === N.Exp;
}
