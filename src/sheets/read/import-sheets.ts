/**
 * Spreadsheet files → a validated, normalised batch, or every bad cell at once.
 *
 * Files are read (xlsx or csv, any common encoding), each sheet is matched to a batch section by
 * its name or id columns, rows become records, and the assembled batch goes through the same
 * intake as JSON (validateBatch), whose issues are mapped back to sheet, row and column.
 *
 * Nothing is accepted while any row is bad, unless `keepValid`: then bad rows are set aside with
 * their reasons and the rest is judged again, until what remains is valid (dropping a community
 * can make its needs dangle, so this takes a few rounds). Problems with whole files, sheets or
 * headers are never "kept valid" around: no row of such a sheet can be trusted.
 */
import type { Batch } from '../../domain/batch-schema.js';
import type { InputIssue } from '../../domain/issues.js';
import { validateBatch } from '../../intake/load-batch.js';
import type { SectionKey } from '../columns/index.js';
import { fileIssue, type SheetIssue } from '../sheet-issue.js';
import { batchValue, collectSources, type SheetReport } from './collect-sources.js';
import type { TextEncoding } from './decode-text.js';
import { locateIssue, type SectionRecords } from './locate-issue.js';
import { readSheetFiles, type SheetFile } from './read-files.js';
import type { RowRecord } from './sheet-records.js';
import { sortSheetIssues } from './sort-issues.js';
import { sheetRef, type RawCell } from './sheet-table.js';

export interface ImportOptions {
  /** Accept the valid rows and return the bad ones as rejects, instead of refusing everything. */
  readonly keepValid?: boolean;
  /** The batch's name (default: none). */
  readonly name?: string;
}

/** A row set aside under `keepValid`, with the cells as written and every reason. */
export interface RejectedRow {
  readonly section: SectionKey;
  readonly file: string;
  readonly sheet: string;
  readonly format: 'xlsx' | 'csv';
  readonly row: number;
  /** The sheet's header cells, so the rejects sheet can repeat them. */
  readonly headers: readonly string[];
  readonly cells: readonly RawCell[];
  readonly reasons: readonly SheetIssue[];
}

export interface ImportReport {
  readonly sheets: readonly SheetReport[];
  readonly encodings: Readonly<Record<string, TextEncoding>>;
}

export type SheetImport =
  | { readonly ok: true; readonly batch: Batch; readonly rejected: readonly RejectedRow[]; readonly report: ImportReport }
  | { readonly ok: false; readonly issues: readonly SheetIssue[]; readonly report: ImportReport };

type Records = Record<SectionKey, RowRecord[]>;

interface Judgement {
  readonly batch?: Batch;
  /** Issues about rows, grouped by row. */
  readonly byRecord: Map<RowRecord, SheetIssue[]>;
  /** Issues about whole sections (a missing sheet). */
  readonly general: SheetIssue[];
}

function headersOf(rec: RowRecord): string[] {
  const header = rec.source.table.rows.find((r) => r.row === rec.source.mapping.headerRow);
  return (header?.cells ?? []).map((c) => (c === null ? '' : String(c)));
}

function valueAt(root: unknown, path: ReadonlyArray<string | number>): unknown {
  let node = root;
  for (const seg of path) node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[seg] : undefined;
  return node;
}

/** The section a reference field points into. */
const REFERENCE_TARGET: Readonly<Record<string, SectionKey>> = {
  community: 'communities',
  preferredCommunities: 'communities',
  excludedCommunities: 'communities',
  need: 'needs',
  offer: 'offers',
};

/** "was itself rejected (row 7 of 社区)" tells the planner more than "not the id of any entry". */
function explainRejectedReference(issue: InputIssue, value: unknown, rejectedIds: ReadonlyMap<string, RowRecord>): InputIssue {
  if (issue.code !== 'unknown_reference') return issue;
  const id = valueAt(value, issue.path);
  const target = REFERENCE_TARGET[String(issue.path[2])];
  const rec = typeof id === 'string' && target ? rejectedIds.get(`${target}\u0000${id}`) : undefined;
  if (!rec) return issue;
  return { path: issue.path, code: 'rejected_reference', message: `"${id}" was itself rejected (row ${rec.row.row} of ${sheetRef(rec.source.table)})` };
}

function judge(records: Records, present: ReadonlySet<SectionKey>, name: string | undefined, rejectedIds: ReadonlyMap<string, RowRecord>): Judgement {
  const byRecord = new Map<RowRecord, SheetIssue[]>();
  const general: SheetIssue[] = [];
  const add = (rec: RowRecord | undefined, issue: SheetIssue) => {
    if (rec === undefined) general.push(issue);
    else byRecord.set(rec, [...(byRecord.get(rec) ?? []), issue]);
  };
  for (const rec of Object.values(records).flat()) for (const issue of rec.issues) add(rec, issue);
  const value = batchValue(records, present, name);
  const result = validateBatch(value);
  if (result.ok && byRecord.size === 0) return { batch: result.batch, byRecord, general };
  if (!result.ok) {
    for (const issue of result.issues) {
      const located = locateIssue(explainRejectedReference(issue, value, rejectedIds), records as SectionRecords);
      if (located) add(located.record, located.issue);
    }
  }
  return { byRecord, general };
}

function reject(records: Records, bad: Map<RowRecord, SheetIssue[]>, rejected: RejectedRow[], rejectedIds: Map<string, RowRecord>): void {
  for (const key of Object.keys(records) as SectionKey[]) {
    records[key] = records[key].filter((rec) => {
      const reasons = bad.get(rec);
      if (!reasons) return true;
      const { table, section } = rec.source;
      rejected.push({ section: section.key, file: table.file, sheet: table.sheet, format: table.format, row: rec.row.row, headers: headersOf(rec), cells: rec.row.cells, reasons: sortSheetIssues(reasons, [table]) });
      if (typeof rec.value['id'] === 'string') rejectedIds.set(`${key}\u0000${rec.value['id']}`, rec);
      return false;
    });
  }
}

/** Reads spreadsheet files into a batch; see the module comment. Never throws on bad input. */
export async function importSheets(files: readonly SheetFile[], options: ImportOptions = {}): Promise<SheetImport> {
  const read = await readSheetFiles(files);
  const collected = collectSources(read);
  const report: ImportReport = { sheets: collected.sheets, encodings: read.encodings };
  // File and header problems do not stop rows being judged (the planner hears everything at
  // once), but they do stop a batch being accepted, even with keepValid.
  const fatal = [...read.issues.map(fileIssue), ...collected.sheetIssues];
  if (collected.sources.length === 0) {
    const none: SheetIssue[] = read.issues.length === 0 ? [{ path: ['(files)'], code: 'no_data_sheet', message: 'no sheet of communities, needs or offers among the files', file: '', sheet: '' }] : [];
    return { ok: false, issues: sortSheetIssues([...fatal, ...none], read.tables), report };
  }
  const present = new Set(collected.sources.map((s) => s.section.key));
  const records = collected.records;
  const rejected: RejectedRow[] = [];
  const rejectedIds = new Map<string, RowRecord>();
  for (;;) {
    const judged = judge(records, present, options.name, rejectedIds);
    if (judged.batch && fatal.length === 0) return { ok: true, batch: judged.batch, rejected, report };
    const rowIssues = [...judged.byRecord.values()].flat();
    if (!options.keepValid || fatal.length > 0 || judged.general.length > 0 || judged.byRecord.size === 0) {
      const earlier = rejected.flatMap((r) => r.reasons);
      return { ok: false, issues: sortSheetIssues([...fatal, ...judged.general, ...earlier, ...rowIssues], read.tables), report };
    }
    reject(records, judged.byRecord, rejected, rejectedIds);
  }
}
