/**
 * A sheet as read from a file, before any meaning is given to it: rows of raw cells with their
 * spreadsheet row numbers (1-based, as Excel shows them). XLSX and CSV readers both produce it.
 */

/** A cell whose content cannot be used as a value (an Excel error, a formula with no result). */
export interface CellProblem {
  readonly problem: string;
}

/** A cell as read: text, number, boolean, date, a problem, or null when empty. */
export type RawCell = string | number | boolean | Date | CellProblem | null;

export interface SheetRow {
  /** Row number as the spreadsheet shows it (the header is usually row 1). */
  readonly row: number;
  /** Cells from column A on; may be shorter than the header. */
  readonly cells: readonly RawCell[];
}

export interface SheetTable {
  /** File name as given (base name), e.g. `needs.csv` or `sample.xlsx`. */
  readonly file: string;
  /** Sheet name; for CSV the file name without its extension. */
  readonly sheet: string;
  readonly format: 'xlsx' | 'csv';
  /** Non-empty rows, in order. */
  readonly rows: readonly SheetRow[];
  /** Hidden sheets (a template's option lists) are never data. */
  readonly hidden: boolean;
}

export function isCellProblem(cell: RawCell): cell is CellProblem {
  return cell !== null && typeof cell === 'object' && !(cell instanceof Date);
}

/** True when the cell holds nothing (null, or text that is only spaces). */
export function isBlank(cell: RawCell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** How issues name a sheet: `needs.csv`, or `sample.xlsx!需求` for a workbook's sheet. */
export function sheetRef(table: Pick<SheetTable, 'file' | 'sheet' | 'format'>): string {
  return table.format === 'csv' ? table.file : `${table.file}!${table.sheet}`;
}

/** Spreadsheet column letters of a 0-based column index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
