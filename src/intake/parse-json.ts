/**
 * Text → JSON value, or one `malformed_json` issue that says where (line:column) and why.
 */
import type { InputIssue } from '../domain/issues.js';
import { locateJsonError } from './json-error-locator.js';

/** The outcome of parsing JSON text: a value, or the issue that stopped it. */
export type JsonParseResult = { ok: true; value: unknown } | { ok: false; issue: InputIssue };

const BOM = '\uFEFF';

/** A 1-based line and column (column counted in characters, as editors show it). */
export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

/** Converts a UTF-16 offset in `text` to a 1-based line and column. `\r\n`, `\n`, `\r` end lines. */
export function offsetToLineColumn(text: string, offset: number): LineColumn {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line += 1;
      lineStart = i + 1;
    }
  }
  // Count code points, not UTF-16 units, so an emoji before the error counts as one column.
  const column = [...text.slice(lineStart, end)].length + 1;
  return { line, column };
}

/**
 * Parses JSON text (a leading UTF-8 byte-order mark is ignored, as spreadsheet tools write one).
 * @example parseJson('{"a": }') // { ok: false, issue: { code: 'malformed_json', message: 'line 1, column 7: ...' } }
 */
export function parseJson(text: string): JsonParseResult {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (err) {
    const where = locateJsonError(body);
    if (where === undefined) {
      // The scanner and V8 disagree: keep V8's words rather than invent a position.
      const detail = err instanceof Error ? err.message : String(err);
      return { ok: false, issue: { path: [], code: 'malformed_json', message: `malformed JSON: ${detail}` } };
    }
    const { line, column } = offsetToLineColumn(body, where.offset);
    return {
      ok: false,
      issue: {
        path: [],
        code: 'malformed_json',
        message: `malformed JSON at line ${line}, column ${column}: ${where.reason}`,
        hint: 'check the brackets, quotes and commas just before that position',
      },
    };
  }
}
