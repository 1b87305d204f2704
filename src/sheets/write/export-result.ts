/**
 * Export of a run: one workbook with a sheet each for pairings, unmet needs, statistics and a
 * summary, or one CSV per sheet. Chinese headers and labels unless English is asked for.
 */
import type { Lang } from '../vocabulary.js';
import { resultTables, type ExportableResult, type ResultTableOptions } from './result-tables.js';
import { RESULT_SHEET_KEYS, type ResultSheet } from './result-text.js';
import type { OutFile } from './template-files.js';
import { csvBytes, type CsvEncoding } from './write-csv.js';
import { addTableSheet, newWorkbook, workbookBytes } from './write-xlsx.js';

export type ExportFormat = 'xlsx' | 'csv';

export const CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

export interface ExportOptions extends ResultTableOptions {
  readonly format: ExportFormat;
  /** File names start with this (`result.xlsx`, `result-pairings.csv`). */
  readonly stem?: string;
  /** CSV only: which sheets (default all). */
  readonly sheets?: readonly ResultSheet[];
  /** CSV only (default UTF-8 with BOM, which Excel reads). */
  readonly encoding?: CsvEncoding;
}

/** The export as files: one workbook, or one CSV per sheet. */
export async function exportResultFiles(result: ExportableResult, options: ExportOptions): Promise<OutFile[]> {
  const tables = resultTables(result, options);
  const stem = options.stem ?? 'result';
  if (options.format === 'xlsx') {
    const workbook = newWorkbook();
    for (const key of RESULT_SHEET_KEYS) addTableSheet(workbook, tables[key]);
    return [{ name: `${stem}.xlsx`, bytes: await workbookBytes(workbook) }];
  }
  return (options.sheets ?? RESULT_SHEET_KEYS).map((key) => ({ name: `${stem}-${key}.csv`, bytes: csvBytes(tables[key], options.encoding) }));
}

/**
 * One file of a run's export, for a service to send: the workbook, or the CSV of one sheet
 * (default the pairings).
 * @example const bytes = await exportRun(result, 'xlsx', 'zh');
 */
export async function exportRun(result: ExportableResult, format: ExportFormat, lang: Lang, sheet: ResultSheet = 'pairings', batch?: ResultTableOptions['batch']): Promise<Buffer> {
  const files = await exportResultFiles(result, { format, lang, sheets: [sheet], ...(batch ? { batch } : {}) });
  return files[0]!.bytes;
}
