/**
 * A sheet's header row → which column index fills which batch field. Reports, once per sheet,
 * headers we do not know (data in them would be lost), a field given twice, a required column
 * that is missing, and data under a blank header. A second header row directly below the first
 * (Chinese above, English below, as some offices keep them) is skipped.
 */
import { nearestId } from '../../intake/nearest-id.js';
import type { ColumnDef, SectionDef } from '../columns/types.js';
import { sheetIssue, type SheetIssue } from '../sheet-issue.js';
import { headerLookup, isIgnoredHeader, normaliseHeader } from './header-names.js';
import { isBlank, type SheetRow, type SheetTable } from './sheet-table.js';

export interface MappedColumn {
  readonly index: number;
  /** The header as written in the sheet. */
  readonly header: string;
  readonly column: ColumnDef;
}

export interface HeaderMapping {
  readonly headerRow: number;
  readonly columns: readonly MappedColumn[];
  readonly dataRows: readonly SheetRow[];
  /** Fields of required columns the sheet lacks (one sheet-level issue says so; rows stay quiet). */
  readonly missingFields: readonly string[];
  /** Sheet-level issues: with any of them, no row of the sheet can be trusted. */
  readonly issues: readonly SheetIssue[];
}

function cellHeader(row: SheetRow | undefined, index: number): string {
  const cell = row?.cells[index];
  return typeof cell === 'string' ? cell.trim() : cell === null || cell === undefined ? '' : String(cell);
}

/** True when every non-blank cell of the row is a header of this section (and there are ≥ 2). */
function isSecondHeaderRow(row: SheetRow | undefined, lookup: ReadonlyMap<string, ColumnDef>): boolean {
  if (!row) return false;
  const filled = row.cells.filter((c) => !isBlank(c));
  return filled.length >= 2 && filled.every((c) => typeof c === 'string' && lookup.has(normaliseHeader(c)));
}

function unknownHeaderIssue(table: SheetTable, headerRow: number, index: number, header: string, section: SectionDef): SheetIssue {
  const known = section.columns.flatMap((c) => [c.header.zh, c.header.en]);
  const nearest = nearestId(header, known);
  return sheetIssue(table, { row: headerRow, column: header, columnIndex: index }, {
    code: 'unknown_column',
    message: `column "${header}" is not a column of the ${section.sheetName.en} sheet (${section.sheetName.zh}); its data would be lost`,
    hint: nearest === undefined ? `known columns: ${section.columns.map((c) => c.header.zh).join('、')}` : `did you mean "${nearest}"?`,
  });
}

function missingColumnIssues(table: SheetTable, headerRow: number, section: SectionDef, found: ReadonlySet<ColumnDef>): { issues: SheetIssue[]; fields: string[] } {
  const missing = section.columns.filter((c) => c.required && !found.has(c));
  const issues = missing.map((c) =>
      sheetIssue(table, { row: headerRow, column: c.header.zh }, {
        code: 'missing_column',
        message: `required column "${c.header.zh}" (${c.header.en}) is missing`,
        hint: 'add the column with this header; the template has every column',
      }),
    );
  return { issues, fields: missing.map((c) => c.field) };
}

export function mapHeaders(table: SheetTable, section: SectionDef, headerAt: number): HeaderMapping {
  const lookup = headerLookup(section);
  const header = table.rows[headerAt];
  const headerRow = header?.row ?? 1;
  const skip = isSecondHeaderRow(table.rows[headerAt + 1], lookup) ? 2 : 1;
  const dataRows = table.rows.slice(headerAt + skip);
  const width = Math.max(header?.cells.length ?? 0, ...dataRows.map((r) => r.cells.length));
  const columns: MappedColumn[] = [];
  const issues: SheetIssue[] = [];
  const seen = new Map<ColumnDef, string>();
  for (let index = 0; index < width; index += 1) {
    const text = cellHeader(header, index);
    if (text === '') {
      const used = dataRows.find((r) => !isBlank(r.cells[index]));
      if (used) issues.push(sheetIssue(table, { row: used.row, columnIndex: index }, { code: 'unnamed_column', message: 'this cell has data but its column has no header' }));
      continue;
    }
    const normalised = normaliseHeader(text);
    const column = lookup.get(normalised);
    if (column === undefined) {
      if (!isIgnoredHeader(normalised) && !section.ignoreUnknownColumns) issues.push(unknownHeaderIssue(table, headerRow, index, text, section));
      continue;
    }
    const earlier = seen.get(column);
    if (earlier !== undefined) {
      issues.push(sheetIssue(table, { row: headerRow, column: text, columnIndex: index }, { code: 'duplicate_column', message: `column "${text}" gives the same field as column "${earlier}"` }));
      continue;
    }
    seen.set(column, text);
    columns.push({ index, header: text, column });
  }
  const missing = missingColumnIssues(table, headerRow, section, new Set(seen.keys()));
  issues.push(...missing.issues);
  return { headerRow, columns, dataRows, missingFields: missing.fields, issues };
}
