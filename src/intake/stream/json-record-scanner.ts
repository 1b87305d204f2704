/**
 * A push scanner for one JSON object document, fed in byte chunks, that hands out the text of
 * each element of each top-level array (and of each other top-level member) as soon as it is
 * complete. A batch of any size is then read record by record: no string as large as the file,
 * no parse tree of the whole document at once, and a `JSON.parse` per record (native speed).
 *
 * The scanner checks the document's outer structure itself (braces, keys, colons, commas) and
 * finds each value's extent by bracket matching outside strings; the value's own grammar is left
 * to `JSON.parse` of its text (see parse-record.ts, which also locates errors inside it).
 * Positions are 1-based lines and columns in code points, as `offsetToLineColumn` counts them.
 */

import { parseRecord } from './parse-record.js';

/** A place in the document. */
export interface TextPosition {
  /** Byte offset in the input (after a UTF-8 byte-order mark, if any). */
  readonly byte: number;
  readonly line: number;
  readonly column: number;
}

/** Receives the document's parts in order. */
export interface RecordSink {
  /** A top-level member whose value is not an array: its key and value text. */
  member(key: string, text: string, at: TextPosition): void;
  /** A top-level member whose value is an array starts. */
  arrayStart(key: string): void;
  /** The `index`-th element of the array under `key`. */
  element(key: string, index: number, text: string, at: TextPosition): void;
}

/** The document's outer structure is broken at `at`. */
export class JsonStructureError extends Error {
  constructor(
    readonly at: TextPosition,
    readonly reason: string,
    /** The unfinished value's text and start when the input ended inside one (for a finer location). */
    readonly partial?: { readonly text: string; readonly at: TextPosition },
  ) {
    super(`intake/stream: ${reason} at line ${at.line}, column ${at.column}`);
    this.name = 'JsonStructureError';
  }
}

const enum S {
  BeforeDocument,
  KeyOrClose,
  Key,
  InKey,
  Colon,
  Value,
  ElementOrClose,
  Element,
  CommaOrCloseArray,
  CommaOrCloseObject,
  AfterDocument,
  NotAnObject,
}

const enum Step {
  Moves,
  Captures,
  NotAnObject,
  /** A syntax error waits for the rest of its character (see `fail`). */
  Stops,
}

const enum Capture {
  None,
  Compound,
  String,
  Scalar,
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

/**
 * Whether `b` can be part of a number or a literal (true, false, null, or a misspelling of one;
 * non-ASCII bytes too, so a stray character is handed whole to the record parser, which names it).
 */
function isScalarByte(b: number): boolean {
  return b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || b === 0x2e || b === 0x2b || b === 0x2d;
}

/** A copy of `chunk` from `from` on (a Buffer's `slice` would be a view of memory the caller reuses). */
export function copyOf(chunk: Uint8Array, from: number): Uint8Array {
  return Uint8Array.prototype.slice.call(chunk, from);
}

/** The character in `bytes` (its UTF-8 bytes, or more), for a message: `'}'`, `'é'`, or a control character. */
function describeChar(bytes: Uint8Array): string {
  const b = bytes[0]!;
  if (b < 0x20) return `control character U+${b.toString(16).padStart(4, '0')}`;
  if (b < 0x80) return `'${String.fromCharCode(b)}'`;
  const ch = new TextDecoder().decode(bytes.subarray(0, utf8Length(b))).codePointAt(0) ?? 0xfffd;
  return `'${String.fromCodePoint(ch)}'`;
}

/** Bytes of the UTF-8 sequence that starts with `lead`. */
function utf8Length(lead: number): number {
  return lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
}

export class JsonRecordScanner {
  private state = S.BeforeDocument;
  private capture = Capture.None;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Bytes of the value (or key) being captured that lie in earlier chunks (copied). */
  private pieces: Uint8Array[] = [];
  private captureStart: TextPosition = { byte: 0, line: 1, column: 1 };
  private key = '';
  private index = 0;
  /** Everything, when the document turns out not to be an object (handed to `notAnObject`). */
  private whole: Uint8Array[] = [];
  private readonly decoder = new TextDecoder('utf-8', { fatal: false });
  // Position of the next byte.
  private byte = 0;
  private line = 1;
  private column = 0;
  private afterCR = false;
  private bomChecked = false;
  /** Whitespace before the document's first character (kept in case it is not an object). */
  private leading: number[] = [];
  /** A syntax error at a character not yet whole (see `fail`). */
  private pending: { at: TextPosition; expected: string; bytes: number[] } | undefined;

  constructor(private readonly sink: RecordSink) {}

  /** Scans the next chunk. The chunk may be reused by the caller afterwards. */
  feed(chunk: Uint8Array): void {
    if (this.pending) return this.completePending(chunk);
    let i = 0;
    if (!this.bomChecked && chunk.length > 0) {
      this.bomChecked = true;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3; // UTF-8 BOM
    }
    if (this.state === S.NotAnObject) {
      this.whole.push(copyOf(chunk, i));
      return;
    }
    let captureFrom = this.capture === Capture.None ? -1 : i;
    while (i < chunk.length) {
      if (this.capture !== Capture.None) {
        const stop = this.scanValue(chunk, i);
        if (stop === chunk.length) {
          i = stop;
          break;
        }
        if (this.capture === Capture.Scalar) {
          // A scalar ends before the byte that ends it; that byte is structure, handled below.
          this.finishCapture(chunk, captureFrom, stop);
          i = stop;
        } else {
          this.advance(chunk[stop]!);
          this.finishCapture(chunk, captureFrom, stop + 1);
          i = stop + 1;
          captureFrom = -1;
          continue;
        }
        captureFrom = -1;
      }
      const b = chunk[i]!;
      const step = this.structural(b, chunk, i);
      if (step === Step.NotAnObject) {
        this.whole.push(Uint8Array.from(this.leading), copyOf(chunk, i));
        return;
      }
      if (step === Step.Stops) return;
      if (step === Step.Captures) captureFrom = i;
      this.advance(b);
      i++;
    }
    if (this.capture !== Capture.None) this.pieces.push(copyOf(chunk, captureFrom < 0 ? 0 : captureFrom));
  }

  /**
   * Runs the value being captured over chunk[i..]: returns the index of the byte that ends it (a
   * scalar's terminator, or the closing quote or bracket) or chunk.length, with the position moved
   * past every byte before that index. The hot loop of the reader: state in locals, one pass.
   */
  private scanValue(chunk: Uint8Array, i: number): number {
    let depth = this.depth;
    let inString = this.inString;
    let escaped = this.escaped;
    let line = this.line;
    let column = this.column;
    let afterCR = this.afterCR;
    const scalar = this.capture === Capture.Scalar;
    const stringOnly = this.capture === Capture.String;
    const from = i;
    const n = chunk.length;
    for (; i < n; i++) {
      const b = chunk[i]!;
      if (inString) {
        if (escaped) escaped = false;
        else if (b === BACKSLASH) escaped = true;
        else if (b === QUOTE) {
          inString = false;
          if (stringOnly) break;
        }
      } else if (scalar) {
        if (!isScalarByte(b)) break;
      } else if (b === QUOTE) inString = true;
      else if (b === 0x7b || b === 0x5b) depth++;
      else if ((b === 0x7d || b === 0x5d) && --depth === 0) break;
      if (b === 0x0a) {
        if (!afterCR) line++;
        column = 0;
        afterCR = false;
      } else if (b === 0x0d) {
        line++;
        column = 0;
        afterCR = true;
      } else {
        afterCR = false;
        if ((b & 0xc0) !== 0x80) column++; // code points, not UTF-8 continuation bytes
      }
    }
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    this.line = line;
    this.column = column;
    this.afterCR = afterCR;
    this.byte += i - from;
    return i;
  }

  /** Ends the input; throws JsonStructureError when the document is incomplete. */
  end(): { notAnObject?: Uint8Array[] } {
    if (this.pending) this.completePending(undefined);
    if (this.state === S.NotAnObject) return { notAnObject: this.whole };
    if (this.state === S.AfterDocument) return {};
    if (this.state === S.BeforeDocument) return { notAnObject: [Uint8Array.from(this.leading)] };
    const partial = this.capture === Capture.None ? undefined : { text: this.decodePieces(new Uint8Array(0), 0, 0), at: this.captureStart };
    throw new JsonStructureError(this.position(), `unexpected end of input${this.expecting()}`, partial);
  }

  private position(): TextPosition {
    return { byte: this.byte, line: this.line, column: this.column + 1 };
  }

  /** Moves the position past byte `b`. */
  private advance(b: number): void {
    this.byte++;
    if (b === 0x0a) {
      if (!this.afterCR) this.line++;
      this.column = 0;
      this.afterCR = false;
    } else if (b === 0x0d) {
      this.line++;
      this.column = 0;
      this.afterCR = true;
    } else {
      this.afterCR = false;
      if ((b & 0xc0) !== 0x80) this.column++; // count code points, not UTF-8 continuation bytes
    }
  }

  private startCapture(b: number): void {
    this.captureStart = this.position();
    this.pieces = [];
    this.depth = b === 0x7b || b === 0x5b ? 1 : 0;
    this.inString = b === QUOTE;
    this.escaped = false;
    this.capture = this.depth > 0 ? Capture.Compound : this.inString ? Capture.String : Capture.Scalar;
  }

  private decodePieces(chunk: Uint8Array, from: number, to: number): string {
    if (this.pieces.length === 0) return this.decoder.decode(chunk.subarray(from, to));
    const parts = [...this.pieces, chunk.subarray(from, to)];
    const all = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
    let at = 0;
    for (const p of parts) {
      all.set(p, at);
      at += p.length;
    }
    return this.decoder.decode(all);
  }

  private finishCapture(chunk: Uint8Array, from: number, to: number): void {
    const text = this.decodePieces(chunk, from < 0 ? 0 : from, to);
    this.pieces = [];
    this.capture = Capture.None;
    if (this.state === S.InKey) {
      this.key = this.propertyName(text);
      this.state = S.Colon;
    } else if (this.state === S.Element) {
      this.sink.element(this.key, this.index++, text, this.captureStart);
      this.state = S.CommaOrCloseArray;
    } else {
      this.sink.member(this.key, text, this.captureStart);
      this.state = S.CommaOrCloseObject;
    }
  }

  private propertyName(text: string): string {
    return parseRecord(text, this.captureStart) as string; // a bad escape is located like any syntax error
  }

  /** Handles byte `b` outside any value: moves on, starts capturing a value, or gives up on an object. */
  private structural(b: number, chunk: Uint8Array, i: number): Step {
    if (isSpace(b)) {
      if (this.state === S.BeforeDocument) this.leading.push(b);
      return Step.Moves;
    }
    switch (this.state) {
      case S.BeforeDocument:
        if (b === 0x7b) return this.to(S.KeyOrClose);
        this.state = S.NotAnObject;
        return Step.NotAnObject;
      case S.KeyOrClose:
      case S.Key:
        if (b === 0x7d && this.state === S.KeyOrClose) return this.to(S.AfterDocument);
        if (b !== QUOTE) return this.fail(chunk, i);
        this.state = S.InKey;
        this.startCapture(b);
        return Step.Captures;
      case S.Colon:
        return b === 0x3a ? this.to(S.Value) : this.fail(chunk, i);
      case S.Value:
        if (b === 0x5b) {
          this.sink.arrayStart(this.key);
          this.index = 0;
          return this.to(S.ElementOrClose);
        }
        if (b === 0x5d || b === 0x7d || b === 0x2c || b === 0x3a) return this.fail(chunk, i);
        this.startCapture(b);
        return Step.Captures;
      case S.ElementOrClose:
      case S.Element:
        if (b === 0x5d && this.state === S.ElementOrClose) return this.to(S.CommaOrCloseObject);
        if (b === 0x5d || b === 0x7d || b === 0x2c || b === 0x3a) return this.fail(chunk, i);
        this.state = S.Element;
        this.startCapture(b);
        return Step.Captures;
      case S.CommaOrCloseArray:
        if (b === 0x2c) return this.to(S.Element);
        return b === 0x5d ? this.to(S.CommaOrCloseObject) : this.fail(chunk, i);
      case S.CommaOrCloseObject:
        if (b === 0x2c) return this.to(S.Key);
        return b === 0x7d ? this.to(S.AfterDocument) : this.fail(chunk, i);
      case S.AfterDocument:
        return this.fail(chunk, i, ' after the end of the JSON value');
      default:
        return Step.Moves;
    }
  }

  private to(state: S): Step.Moves {
    this.state = state;
    return Step.Moves;
  }

  private fail(chunk: Uint8Array, i: number, after?: string): Step {
    // In a value's place the whole-text scanner says "expected a value" whatever may also close there.
    const valuePlace = this.state === S.Value || this.state === S.Element || this.state === S.ElementOrClose;
    const expected = after ?? (valuePlace ? ', expected a value' : this.expecting());
    const bytes = chunk.subarray(i, i + utf8Length(chunk[i]!));
    if (bytes.length < utf8Length(chunk[i]!)) {
      // The character continues in the next chunk: name it once it is whole.
      this.pending = { at: this.position(), expected, bytes: Array.from(bytes) };
      return Step.Stops;
    }
    throw new JsonStructureError(this.position(), `unexpected ${describeChar(bytes)}${expected}`);
  }

  /** Completes a failure whose character was split across chunks; throws once it is named. */
  private completePending(chunk: Uint8Array | undefined): void {
    const p = this.pending!;
    const need = utf8Length(p.bytes[0]!);
    for (let i = 0; chunk && i < chunk.length && p.bytes.length < need; i++) p.bytes.push(chunk[i]!);
    if (p.bytes.length < need && chunk) return;
    throw new JsonStructureError(p.at, `unexpected ${describeChar(Uint8Array.from(p.bytes))}${p.expected}`);
  }

  private expecting(): string {
    switch (this.state) {
      case S.KeyOrClose:
        return ", expected a double-quoted property name or '}'";
      case S.Key:
      case S.InKey:
        return ', expected a double-quoted property name';
      case S.Colon:
        return ", expected ':' after the property name";
      case S.Value:
      case S.Element:
        return ', expected a value';
      case S.ElementOrClose:
        return ", expected a value or ']'";
      default:
        return ", expected ',' or a closing bracket";
    }
  }
}
