/**
 * An input issue located in a spreadsheet: file, sheet, row (as Excel numbers it), column header
 * and cell reference. Its `path` is `[sheet, row, column]` (`needs.xlsx!需求`, 12, `数量`), so code
 * that only knows InputIssue (the API's problem+json, the CLI) still shows where it is.
 */
import type { InputIssue } from '../domain/issues.js';
import { columnLetter, sheetRef, type SheetTable } from './read/sheet-table.js';

export interface SheetIssue extends InputIssue {
  readonly file: string;
  readonly sheet: string;
  /** Spreadsheet row number (1-based); absent for a problem with the whole sheet or file. */
  readonly row?: number;
  /** The column's header as written in the sheet (or the expected header when it is missing). */
  readonly column?: string;
  /** A1-style reference of the cell, e.g. `G12`. */
  readonly cell?: string;
}

export interface IssueBody {
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
}

export interface IssuePlace {
  readonly row?: number;
  readonly column?: string;
  /** 0-based column index, for the cell reference. */
  readonly columnIndex?: number;
}

/** Builds a located issue. */
export function sheetIssue(table: Pick<SheetTable, 'file' | 'sheet' | 'format'>, place: IssuePlace, body: IssueBody): SheetIssue {
  const path: Array<string | number> = [sheetRef(table)];
  if (place.row !== undefined) path.push(place.row);
  if (place.column !== undefined) path.push(place.column);
  const cell = place.row !== undefined && place.columnIndex !== undefined ? `${columnLetter(place.columnIndex)}${place.row}` : undefined;
  return {
    path,
    code: body.code,
    message: body.message,
    ...(body.hint ? { hint: body.hint } : {}),
    file: table.file,
    sheet: table.sheet,
    ...(place.row !== undefined ? { row: place.row } : {}),
    ...(place.column !== undefined ? { column: place.column } : {}),
    ...(cell ? { cell } : {}),
  };
}

/** A file-level issue (unreadable file) as a SheetIssue. */
export function fileIssue(issue: InputIssue): SheetIssue {
  const file = String(issue.path[0] ?? '');
  return { ...issue, file, sheet: '' };
}

/** One line for a person: `needs.xlsx!需求 G12 (row 12, 数量): reason [code] (hint)`. */
export function describeSheetIssue(issue: SheetIssue): string {
  const where = String(issue.path[0] ?? issue.file);
  const place = [issue.row !== undefined ? `row ${issue.row}` : undefined, issue.column].filter((x) => x !== undefined).join(', ');
  const cell = issue.cell ? ` ${issue.cell}` : '';
  const hint = issue.hint ? ` (${issue.hint})` : '';
  return `${where}${cell}${place ? ` (${place})` : ''}: ${issue.message} [${issue.code}]${hint}`;
}
