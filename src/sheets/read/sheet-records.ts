/**
 * The data rows of one identified sheet → batch records (plain JSON objects), each remembering
 * the row it came from, plus an issue for every cell that could not be read. A failed cell keeps
 * its text in the record, so intake sees an invalid value (not a missing one) and says nothing
 * more about it; the cell's own issue is the one the planner reads.
 */
import type { SectionDef } from '../columns/types.js';
import { getField, setField } from '../fields.js';
import { sheetIssue, type SheetIssue } from '../sheet-issue.js';
import type { HeaderMapping, MappedColumn } from './map-headers.js';
import { parseCell, showCell, type CellContext } from './parse-cell.js';
import { isBlank, type RawCell, type SheetRow, type SheetTable } from './sheet-table.js';

/** A sheet with its meaning: which section, which column fills which field. */
export interface SheetSource {
  readonly table: SheetTable;
  readonly section: SectionDef;
  readonly mapping: HeaderMapping;
  /** Position of the table among all tables read (orders issues). */
  readonly order: number;
}

/** A record built from one row. */
export interface RowRecord {
  readonly source: SheetSource;
  readonly row: SheetRow;
  readonly value: Record<string, unknown>;
  /** Fields whose cell failed to read (intake's complaints about them are redundant). */
  readonly failedFields: Set<string>;
  readonly issues: SheetIssue[];
}

function readCell(rec: RowRecord, mapped: MappedColumn, cell: Exclude<RawCell, null>, ctx: CellContext): void {
  const result = parseCell(cell, mapped.column, ctx);
  if (result.ok) {
    setField(rec.value, mapped.column.field, result.value);
    return;
  }
  setField(rec.value, mapped.column.field, typeof cell === 'string' ? cell : showCell(cell));
  rec.failedFields.add(mapped.column.field);
  const place = { row: rec.row.row, column: mapped.header, columnIndex: mapped.index };
  rec.issues.push(sheetIssue(rec.source.table, place, result));
}

/** Pairs of columns that must be filled together: a window needs both dates, a location both coordinates. */
const TOGETHER: ReadonlyArray<readonly [string, string, string]> = [
  ['window.start', 'window.end', 'give both the start and the end date, or neither'],
  ['location.lat', 'location.lon', 'give both latitude and longitude, or neither'],
];

function checkPairs(rec: RowRecord): void {
  for (const [a, b, hint] of TOGETHER) {
    const hasA = getField(rec.value, a) !== undefined;
    const hasB = getField(rec.value, b) !== undefined;
    if (hasA === hasB) continue;
    const missing = hasA ? b : a;
    const mapped = rec.source.mapping.columns.find((m) => m.column.field === missing);
    const column = mapped?.header ?? rec.source.section.columns.find((c) => c.field === missing)?.header.zh;
    rec.failedFields.add(missing);
    rec.issues.push(
      sheetIssue(rec.source.table, { row: rec.row.row, ...(column ? { column } : {}), ...(mapped ? { columnIndex: mapped.index } : {}) }, {
        code: 'incomplete_pair',
        message: `this cell is empty but its partner column is filled`,
        hint,
      }),
    );
  }
}

/** Vulnerable-resident counts: a blank one next to filled ones means 0, as the template says. */
function fillVulnerable(value: Record<string, unknown>): void {
  const v = value['vulnerable'];
  if (v === null || typeof v !== 'object') return;
  const counts = v as Record<string, unknown>;
  for (const key of ['elderly', 'children', 'disabled']) if (counts[key] === undefined) counts[key] = 0;
}

/** Builds the records of a sheet's data rows (blank rows are skipped). */
export function sheetRecords(source: SheetSource, ctx: CellContext): RowRecord[] {
  const records: RowRecord[] = [];
  for (const row of source.mapping.dataRows) {
    const rec: RowRecord = { source, row, value: {}, failedFields: new Set(source.mapping.missingFields), issues: [] };
    for (const mapped of source.mapping.columns) {
      const cell = row.cells[mapped.index];
      if (cell !== undefined && !isBlank(cell)) readCell(rec, mapped, cell as Exclude<RawCell, null>, ctx);
    }
    if (Object.keys(rec.value).length === 0) continue;
    checkPairs(rec);
    if (source.section.key === 'communities') fillVulnerable(rec.value);
    records.push(rec);
  }
  return records;
}
