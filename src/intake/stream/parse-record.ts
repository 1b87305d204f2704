/**
 * Parsing one record's text with `JSON.parse`, and locating a failure in the whole document (line
 * and column) the way `parseJson` locates errors in a whole text. Shared by the streaming scanner,
 * the batch assembler and NDJSON intake.
 */
import type { InputIssue } from '../../domain/issues.js';
import { locateJsonError } from '../json-error-locator.js';
import { offsetToLineColumn } from '../parse-json.js';

/** A 1-based place in the document (code points, as `offsetToLineColumn` counts them). */
export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

/** A record's text is not valid JSON; `at` is the first offending character. */
export class RecordSyntaxError extends Error {
  constructor(
    readonly at: LineColumn,
    readonly reason: string,
  ) {
    super(`intake/stream: ${reason} at line ${at.line}, column ${at.column}`);
    this.name = 'RecordSyntaxError';
  }
}

/** The `malformed_json` issue `parseJson` would give for an error at `at`. */
export function malformedJsonIssue(at: LineColumn, reason: string): InputIssue {
  return {
    path: [],
    code: 'malformed_json',
    message: `malformed JSON at line ${at.line}, column ${at.column}: ${reason}`,
    hint: 'check the brackets, quotes and commas just before that position',
  };
}

/**
 * Where an error at `offset` (UTF-16 units) of a text that starts at `start` in the document lies
 * in the document.
 */
export function positionWithin(start: LineColumn, text: string, offset: number): { line: number; column: number } {
  const local = offsetToLineColumn(text, offset);
  return local.line === 1 ? { line: start.line, column: start.column + local.column - 1 } : { line: start.line + local.line - 1, column: local.column };
}

const AFTER_VALUE = ' after the end of the JSON value';

/**
 * Parses one record's text; throws RecordSyntaxError (located in the document) when it is not
 * JSON. `nested`: the text is a value inside the document's object or array, where whatever
 * follows a complete value should have been ',' or a closing bracket (as the whole-text scanner
 * says); an NDJSON line is a document of its own.
 */
export function parseRecord(text: string, at: LineColumn, nested = true): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const where = locateJsonError(text);
    if (where === undefined) throw new RecordSyntaxError(at, error instanceof Error ? error.message : String(error));
    const reason = nested && where.reason.endsWith(AFTER_VALUE) ? `${where.reason.slice(0, -AFTER_VALUE.length)}, expected ',' or a closing bracket` : where.reason;
    throw new RecordSyntaxError(positionWithin(at, text, where.offset), reason);
  }
}

/** Sets an own property, even `__proto__`, as JSON.parse does. */
export function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}
