/**
 * Intake speaks in JSON paths (`needs[12].quantity`); planners think in sheets, rows and column
 * headers. This maps each intake issue back to the cell it came from, rewrites record references
 * in its message ("repeats the id of needs[3]" → "… of row 5 of sample.xlsx!需求"), and drops
 * issues about a cell that already has its own (a cell that could not be read at all).
 */
import type { InputIssue } from '../../domain/issues.js';
import { SECTIONS, type SectionKey } from '../columns/index.js';
import { sheetIssue, type SheetIssue } from '../sheet-issue.js';
import { sheetRef } from './sheet-table.js';
import type { RowRecord } from './sheet-records.js';

export type SectionRecords = Readonly<Record<SectionKey, readonly RowRecord[]>>;

export interface LocatedIssue {
  readonly issue: SheetIssue;
  /** The record (row) the issue is about; undefined for a problem with a whole section. */
  readonly record?: RowRecord;
}

const SECTION_KEYS = new Set<string>(SECTIONS.map((s) => s.key));

/** The field a path inside a record names: `['location', 'lat']` → `location.lat`, `['categories', 2]` → `categories`. */
function fieldOfPath(rest: ReadonlyArray<string | number>): string {
  const keys: string[] = [];
  for (const seg of rest) {
    if (typeof seg !== 'string') break;
    keys.push(seg);
  }
  return keys.join('.');
}

function rowText(rec: RowRecord): string {
  return `row ${rec.row.row} of ${sheetRef(rec.source.table)}`;
}

/** "needs[3]" in a message → "row 5 of sample.xlsx!需求". */
function rewriteMessage(message: string, records: SectionRecords): string {
  return message.replace(/\b(communities|needs|offers|previousPairings)\[(\d+)\]/g, (whole, section: SectionKey, index: string) => {
    const rec = records[section]?.[Number(index)];
    return rec ? rowText(rec) : whole;
  });
}

function columnFor(rec: RowRecord, field: string): { column?: string; columnIndex?: number } {
  if (field === '') return {};
  const mapped =
    rec.source.mapping.columns.find((m) => m.column.field === field) ??
    rec.source.mapping.columns.find((m) => m.column.field.startsWith(`${field}.`));
  if (mapped) return { column: mapped.header, columnIndex: mapped.index };
  const def = rec.source.section.columns.find((c) => c.field === field || c.field.startsWith(`${field}.`));
  return def ? { column: def.header.zh } : {};
}

function sheetMessage(issue: InputIssue, column: string | undefined, records: SectionRecords): string {
  if (issue.code === 'missing_field' && column !== undefined) return `"${column}" is required, but this cell is empty`;
  return rewriteMessage(issue.message, records);
}

function sectionIssue(issue: InputIssue, section: string, records: SectionRecords): SheetIssue {
  const def = SECTIONS.find((s) => s.key === section);
  const name = def ? `${def.sheetName.zh} (${def.sheetName.en})` : section;
  const missing = issue.code === 'missing_field' || issue.code === 'invalid_type';
  return {
    path: [name],
    code: missing ? 'missing_sheet' : issue.code,
    message: missing ? `no ${def?.sheetName.en ?? section} sheet (${def?.sheetName.zh ?? section}) among the files` : rewriteMessage(issue.message, records),
    ...(missing ? { hint: 'every batch needs its communities, needs and offers sheets' } : issue.hint ? { hint: issue.hint } : {}),
    file: '',
    sheet: name,
  };
}

/** Locates one intake issue; undefined when it repeats a cell's own issue. */
export function locateIssue(issue: InputIssue, records: SectionRecords): LocatedIssue | undefined {
  const [section, index, ...rest] = issue.path;
  if (typeof section !== 'string' || !SECTION_KEYS.has(section) || typeof index !== 'number') {
    return { issue: sectionIssue(issue, String(section ?? 'batch'), records) };
  }
  const rec = records[section as SectionKey][index];
  if (!rec) return { issue: sectionIssue(issue, section, records) };
  const field = fieldOfPath(rest);
  if ([...rec.failedFields].some((f) => f === field || f.startsWith(`${field}.`) || (field !== '' && field.startsWith(`${f}.`)))) return undefined;
  const place = columnFor(rec, field);
  const body = { code: issue.code, message: sheetMessage(issue, place.column, records), ...(issue.hint ? { hint: rewriteMessage(issue.hint, records) } : {}) };
  return { issue: sheetIssue(rec.source.table, { row: rec.row.row, ...place }, body), record: rec };
}
