/**
 * A table ready to write, whatever the format: a sheet name, header texts, rows of plain cells,
 * and optional presentation hints (widths, number formats, which headers are required). The
 * XLSX and CSV writers both take it, and both neutralise formula-like text on the way out.
 */
export type OutCell = string | number | null;

export interface OutTable {
  readonly name: string;
  readonly headers: readonly string[];
  readonly rows: ReadonlyArray<readonly OutCell[]>;
  /** Column widths in characters (XLSX only). */
  readonly widths?: readonly number[];
  /** Excel number formats by column, e.g. `0.0%` (XLSX only). */
  readonly numFmts?: ReadonlyArray<string | undefined>;
  /** Columns whose header is marked as required (XLSX only). */
  readonly required?: readonly boolean[];
}

/** A width that fits the header and the first rows (a Chinese character counts double). */
export function fitWidth(table: OutTable, column: number): number {
  const width = (v: OutCell | undefined) => [...String(v ?? '')].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
  let widest = width(table.headers[column]);
  for (const row of table.rows.slice(0, 200)) widest = Math.max(widest, width(row[column]));
  return Math.min(60, Math.max(8, widest + 2));
}
