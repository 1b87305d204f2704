/**
 * One cell → the value its column wants, or the reason it cannot be. Values that parse but break
 * a rule of the batch (a negative quantity, a 300-character title) are left for intake to judge,
 * so the rules live in one place; this only turns spreadsheet forms into JSON values.
 */
import { nearestId } from '../../intake/nearest-id.js';
import type { CellKind, ColumnDef, VocabularyName } from '../columns/types.js';
import { VOCABULARY_LABELS, VOCABULARY_TITLES, resolveVocabulary } from '../vocabulary.js';
import { booleanFromText, dateFromDate, dateFromSerial, dateFromText, numberFromText, splitList, unguardText } from './cell-text.js';
import { isCellProblem, type RawCell } from './sheet-table.js';

export type CellResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly code: string; readonly message: string; readonly hint?: string };

export interface CellContext {
  /** Whether the workbook counts dates from 1904 (Excel serials in date columns). */
  readonly date1904: boolean;
}

const ok = (value: unknown): CellResult => ({ ok: true, value });
const fail = (code: string, message: string, hint?: string): CellResult => ({ ok: false, code, message, ...(hint ? { hint } : {}) });

/** Shows a cell's content in a message. */
export function showCell(cell: RawCell): string {
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'string') return JSON.stringify(cell.length > 40 ? `${cell.slice(0, 40)}…` : cell);
  return String(cell);
}

/** Text of a cell for text-like columns: numbers as their digits, dates as ISO dates. */
function cellText(cell: Exclude<RawCell, null>): string {
  if (typeof cell === 'string') return unguardText(cell).trim();
  if (cell instanceof Date) return dateFromDate(cell) ?? '';
  return String(cell);
}

function parseNumber(cell: Exclude<RawCell, null>): CellResult {
  if (typeof cell === 'number') return ok(cell);
  const n = typeof cell === 'string' ? numberFromText(cell) : undefined;
  return n === undefined ? fail('not_a_number', `expected a number, got ${showCell(cell)}`) : ok(n);
}

function parseBoolean(cell: Exclude<RawCell, null>): CellResult {
  if (typeof cell === 'boolean') return ok(cell);
  const b = typeof cell === 'string' ? booleanFromText(cell) : typeof cell === 'number' && (cell === 0 || cell === 1) ? cell === 1 : undefined;
  return b === undefined ? fail('invalid_boolean', `expected 是/否 (yes/no, true/false), got ${showCell(cell)}`) : ok(b);
}

function parseDate(cell: Exclude<RawCell, null>, ctx: CellContext): CellResult {
  let date: string | undefined;
  if (cell instanceof Date) date = dateFromDate(cell);
  else if (typeof cell === 'number') date = dateFromSerial(cell, ctx.date1904);
  else if (typeof cell === 'string') date = dateFromText(cell);
  return date === undefined
    ? fail('invalid_date', `expected a date such as 2025-03-01, 2025/3/1 or 2025年3月1日, got ${showCell(cell)}`)
    : ok(date);
}

/** The id a vocabulary value names, or a failure suggesting the nearest label. */
export function parseLabel(text: string, vocabulary: VocabularyName): CellResult {
  const id = resolveVocabulary(vocabulary, text);
  if (id !== undefined) return ok(id);
  const labels = VOCABULARY_LABELS[vocabulary];
  const nearest = nearestId(text, Object.keys(labels), labels);
  const title = VOCABULARY_TITLES[vocabulary];
  const near = nearest === undefined ? undefined : labels[nearest];
  const hint = near === undefined ? `see the options sheet for the ${title.en} values` : `did you mean ${near.zh} (${nearest}, ${near.en})?`;
  return fail('unknown_label', `${JSON.stringify(text)} is not a ${title.en} (${title.zh}) id or label`, hint);
}

function parseList(cell: Exclude<RawCell, null>, vocabulary: VocabularyName | undefined): CellResult {
  const items = splitList(cellText(cell));
  if (vocabulary === undefined) return ok(items);
  const results = items.map((item) => parseLabel(item, vocabulary));
  const failed = results.filter((r): r is Extract<CellResult, { ok: false }> => !r.ok);
  if (failed.length === 0) return ok(results.map((r) => (r as { value: unknown }).value));
  if (failed.length === 1) return failed[0]!;
  return fail('unknown_label', failed.map((f) => f.message).join('; '), failed.map((f) => f.hint).filter(Boolean).join('; '));
}

const TEXT_KINDS: ReadonlySet<CellKind> = new Set(['id', 'text', 'community']);

/** Reads a non-blank cell for a column. */
export function parseCell(cell: Exclude<RawCell, null>, column: ColumnDef, ctx: CellContext): CellResult {
  if (isCellProblem(cell)) return fail('unusable_cell', cell.problem);
  if (TEXT_KINDS.has(column.kind)) return ok(cellText(cell));
  switch (column.kind) {
    case 'integer':
    case 'number':
      return parseNumber(cell);
    case 'boolean':
      return parseBoolean(cell);
    case 'date':
      return parseDate(cell, ctx);
    case 'enum':
      return column.vocabulary ? parseLabel(cellText(cell), column.vocabulary) : ok(cellText(cell));
    default:
      return parseList(cell, column.kind === 'enumList' ? column.vocabulary : undefined);
  }
}
