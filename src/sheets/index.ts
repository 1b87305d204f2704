/**
 * Spreadsheets in and out: planners' XLSX/CSV with Chinese (or English) headers → batches, and
 * runs → XLSX/CSV for officials. exceljs does the workbook work, csv-parse the CSV parsing,
 * iconv-lite the GB18030 decoding.
 */
export * from './columns/index.js';
export { describeSheetIssue, type SheetIssue } from './sheet-issue.js';
export { importSheets, type ImportOptions, type ImportReport, type RejectedRow, type SheetImport } from './read/import-sheets.js';
export type { SheetFile } from './read/read-files.js';
export { decodeText, type TextEncoding } from './read/decode-text.js';
export { neutraliseFormula } from './write/formula-guard.js';
export { templateFiles, batchFiles, type OutFile } from './write/template-files.js';
export { batchWorkbook, templateWorkbook } from './write/template-workbooks.js';
export { exportResultFiles, exportRun, CONTENT_TYPES, type ExportFormat, type ExportOptions } from './write/export-result.js';
export type { ExportableResult, ExportPairing } from './write/result-tables.js';
export { RESULT_SHEETS, RESULT_SHEET_KEYS, type ResultSheet } from './write/result-text.js';
export { rejectsWorkbook, rejectsTables, rejectsSummary } from './write/rejects.js';
export { parseResultFile, type ResultFileRead } from './read/result-file.js';
export { batchFromUpload, type UploadedSheet, type UploadResult } from './upload.js';
export type { Lang } from './vocabulary.js';
