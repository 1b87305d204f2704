/**
 * Rows set aside by an import with `keepValid`, as a workbook a planner can fix and import again:
 * per section (and header layout) a sheet named like `需求（退回）` holding the original columns
 * as written plus the source sheet, source row and every reason. Readers ignore the three added
 * columns and the suffix, so the fixed sheet imports as it is.
 */
import { sectionByKey } from '../columns/index.js';
import { REJECT_COLUMNS } from '../read/header-names.js';
import type { RejectedRow } from '../read/import-sheets.js';
import { dateFromDate, numberFromText } from '../read/cell-text.js';
import { isCellProblem, type RawCell } from '../read/sheet-table.js';
import { describeSheetIssue } from '../sheet-issue.js';
import type { Lang } from '../vocabulary.js';
import type { OutCell, OutTable } from './out-table.js';
import { addTableSheet, newWorkbook, workbookBytes } from './write-xlsx.js';

const SUFFIX: Readonly<Record<Lang, string>> = { zh: '（退回）', en: ' (rejected)' };

function outCell(cell: RawCell | undefined): OutCell {
  if (cell === null || cell === undefined || isCellProblem(cell)) return null;
  if (cell instanceof Date) return dateFromDate(cell) ?? null;
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  // A signed number read from CSV text ("-5") goes back as a number, not as guarded text ("'-5").
  if (typeof cell === 'string' && /^[+-]/.test(cell.trim())) return numberFromText(cell) ?? cell;
  return cell;
}

function reasonText(row: RejectedRow): string {
  return row.reasons.map((r) => `${r.cell ? `${r.cell} ` : ''}${r.column ? `${r.column}: ` : ''}${r.message}${r.hint ? ` (${r.hint})` : ''}`).join('\n');
}

/** Rejected rows grouped by section and header layout, as tables. */
export function rejectsTables(rows: readonly RejectedRow[], lang: Lang): OutTable[] {
  const groups = new Map<string, RejectedRow[]>();
  for (const row of rows) {
    const key = `${row.section}\u0000${row.headers.join('\u0001')}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const names = new Map<string, number>();
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    const base = `${sectionByKey(first.section).sheetName[lang]}${SUFFIX[lang]}`;
    const n = (names.get(base) ?? 0) + 1;
    names.set(base, n);
    const width = first.headers.length;
    return {
      name: n === 1 ? base : `${base}${n}`,
      headers: [...first.headers, REJECT_COLUMNS.source[lang], REJECT_COLUMNS.sourceRow[lang], REJECT_COLUMNS.reason[lang]],
      rows: group.map((r) => [...Array.from({ length: width }, (_, i) => outCell(r.cells[i])), r.format === 'csv' ? r.file : `${r.file}!${r.sheet}`, r.row, reasonText(r)]),
    };
  });
}

/** The rejects workbook. */
export async function rejectsWorkbook(rows: readonly RejectedRow[], lang: Lang): Promise<Buffer> {
  const workbook = newWorkbook();
  for (const table of rejectsTables(rows, lang)) addTableSheet(workbook, table);
  return workbookBytes(workbook);
}

/** The reasons as lines for a terminal. */
export function rejectsSummary(rows: readonly RejectedRow[]): string[] {
  return rows.flatMap((r) => r.reasons.map(describeSheetIssue));
}
