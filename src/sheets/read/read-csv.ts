/**
 * CSV file → SheetTable. The encoding is detected (decode-text.ts); the delimiter is whichever of
 * comma, tab and semicolon the header line uses most (Excel in some locales writes `;`, and
 * "Unicode text" is tab-separated). Every cell stays text; columns give them meaning later.
 */
import { parse } from 'csv-parse/sync';
import type { InputIssue } from '../../domain/issues.js';
import { decodeText, type TextEncoding } from './decode-text.js';
import type { SheetRow, SheetTable } from './sheet-table.js';

export type CsvReadResult =
  | { readonly ok: true; readonly table: SheetTable; readonly encoding: TextEncoding }
  | { readonly ok: false; readonly issue: InputIssue };

/** Counts a character outside double quotes in one line. */
function countOutsideQuotes(line: string, ch: string): number {
  let inQuotes = false;
  let n = 0;
  for (const c of line) {
    if (c === '"') inQuotes = !inQuotes;
    else if (c === ch && !inQuotes) n += 1;
  }
  return n;
}

/** The delimiter of the first non-blank line: `,` unless tabs or semicolons outnumber commas. */
export function detectDelimiter(text: string): string {
  const first = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  let best = ',';
  let bestCount = countOutsideQuotes(first, ',');
  for (const candidate of ['\t', ';']) {
    const count = countOutsideQuotes(first, candidate);
    if (count > bestCount) [best, bestCount] = [candidate, count];
  }
  return best;
}

function stemOf(file: string): string {
  return file.replace(/\.[^.]*$/, '');
}

/** Reads a CSV file's bytes; a file that cannot be parsed is one issue naming the line. */
export function readCsv(file: string, bytes: Uint8Array): CsvReadResult {
  const { text, encoding } = decodeText(bytes);
  let records: string[][];
  try {
    records = parse(text, { delimiter: detectDelimiter(text), relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, issue: { path: [file], code: 'unreadable_csv', message: `cannot read CSV: ${message}`, hint: 'check for an unclosed double quote' } };
  }
  const rows: SheetRow[] = [];
  records.forEach((cells, i) => {
    if (cells.some((c) => c.trim() !== '')) rows.push({ row: i + 1, cells: cells.map((c) => (c === '' ? null : c)) });
  });
  return { ok: true, encoding, table: { file, sheet: stemOf(file), format: 'csv', rows, hidden: false } };
}
