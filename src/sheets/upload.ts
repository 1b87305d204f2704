/**
 * For a service: uploaded spreadsheet files → an intake-like result, in the same shape as
 * `validateBatch` (`{ok, batch}` or `{ok: false, issues}`) so the caller treats JSON and sheet
 * submissions alike, plus the rejected rows (and their workbook) when valid rows are kept.
 */
import type { Batch } from '../domain/batch-schema.js';
import { importSheets, type ImportReport, type RejectedRow } from './read/import-sheets.js';
import type { SheetIssue } from './sheet-issue.js';
import type { Lang } from './vocabulary.js';
import { rejectsWorkbook } from './write/rejects.js';

/** A file as multer (memory storage) hands it over; only these fields are read. */
export interface UploadedSheet {
  readonly originalname: string;
  readonly buffer: Uint8Array;
}

export type UploadResult =
  | {
      readonly ok: true;
      readonly batch: Batch;
      readonly rejected: readonly RejectedRow[];
      /** The rejects as a workbook (undefined when nothing was rejected). */
      readonly rejectsXlsx: Buffer | undefined;
      readonly report: ImportReport;
    }
  | { readonly ok: false; readonly issues: readonly SheetIssue[]; readonly report: ImportReport };

export interface UploadOptions {
  readonly keepValid?: boolean;
  readonly name?: string;
  /** Language of the rejects workbook's added columns (default zh). */
  readonly lang?: Lang;
}

/** Imports uploaded files; never throws on bad input. */
export async function batchFromUpload(files: readonly UploadedSheet[], options: UploadOptions = {}): Promise<UploadResult> {
  const result = await importSheets(
    files.map((f) => ({ name: f.originalname, bytes: f.buffer })),
    { ...(options.keepValid ? { keepValid: true } : {}), ...(options.name !== undefined ? { name: options.name } : {}) },
  );
  if (!result.ok) return result;
  const rejectsXlsx = result.rejected.length > 0 ? await rejectsWorkbook(result.rejected, options.lang ?? 'zh') : undefined;
  return { ...result, rejectsXlsx };
}
