/**
 * Tables read from files → identified, header-mapped sources and their records. Sheets that are
 * not data (explanations, options, a run export's statistics) are skipped and listed; a sheet
 * that is neither data we know nor a known other sheet is an issue, since its rows would be lost.
 */
import type { SectionKey } from '../columns/index.js';
import { sheetIssue, type SheetIssue } from '../sheet-issue.js';
import { resolveCommunityNames } from './community-names.js';
import { identifySection } from './identify-section.js';
import type { SectionRecords } from './locate-issue.js';
import { mapHeaders } from './map-headers.js';
import type { ReadFilesResult } from './read-files.js';
import { sheetRecords, type RowRecord, type SheetSource } from './sheet-records.js';

/** What became of each sheet read. */
export interface SheetReport {
  readonly file: string;
  readonly sheet: string;
  /** The section it holds, or why it was skipped. */
  readonly section?: SectionKey;
  readonly skipped?: string;
  readonly records: number;
}

export interface CollectedSources {
  readonly sources: readonly SheetSource[];
  readonly records: Record<SectionKey, RowRecord[]>;
  /** Sheet-level issues (unknown sheets, headers): rows cannot be judged while these stand. */
  readonly sheetIssues: readonly SheetIssue[];
  readonly sheets: readonly SheetReport[];
}

export function collectSources(read: ReadFilesResult): CollectedSources {
  const sources: SheetSource[] = [];
  const sheetIssues: SheetIssue[] = [];
  const sheets: SheetReport[] = [];
  const records: Record<SectionKey, RowRecord[]> = { communities: [], needs: [], offers: [], previousPairings: [] };
  read.tables.forEach((table, order) => {
    const found = identifySection(table);
    if (found.kind === 'skipped') {
      sheets.push({ file: table.file, sheet: table.sheet, skipped: found.reason, records: 0 });
      return;
    }
    if (found.kind === 'unknown') {
      sheets.push({ file: table.file, sheet: table.sheet, skipped: 'not recognised', records: 0 });
      sheetIssues.push(
        sheetIssue(table, { row: table.rows[0]?.row ?? 1 }, {
          code: 'unknown_sheet',
          message: 'cannot tell what this sheet holds: no id column (需求编号, 资源编号 or 社区编号) in its first rows',
          hint: 'name the sheet 社区, 需求, 资源 or 往期结对, or use the template headers',
        }),
      );
      return;
    }
    const mapping = mapHeaders(table, found.section, found.headerAt);
    const source: SheetSource = { table, section: found.section, mapping, order };
    sources.push(source);
    sheetIssues.push(...mapping.issues);
    const date1904 = read.date1904[table.file] ?? false;
    const built = sheetRecords(source, { date1904 });
    records[found.section.key].push(...built);
    sheets.push({ file: table.file, sheet: table.sheet, section: found.section.key, records: built.length });
  });
  resolveCommunityNames(records.communities, records.needs, records.offers);
  return { sources, records, sheetIssues, sheets };
}

/** The batch JSON value of the records; a section with no sheet is left out (intake names it). */
export function batchValue(records: SectionRecords, present: ReadonlySet<SectionKey>, name: string | undefined): Record<string, unknown> {
  const value: Record<string, unknown> = { format: 'jiedui-batch/v1' };
  if (name !== undefined && name.trim() !== '') value['name'] = name.trim();
  for (const key of ['communities', 'needs', 'offers'] as const) {
    if (present.has(key)) value[key] = records[key].map((r) => r.value);
  }
  value['previousPairings'] = records.previousPairings.map((r) => r.value);
  return value;
}
