/**
 * A batch → one OutTable per section, cells written the way a planner would type them: labels
 * in the sheet's language (养老服务 / elderly care), 是/否, lists joined with 、 (or ; in English),
 * dates as YYYY-MM-DD text (text, not Excel dates, so no time zone can shift a day).
 */
import type { Batch } from '../../domain/batch-schema.js';
import { SECTIONS, type ColumnDef, type SectionDef, type SectionKey } from '../columns/index.js';
import { getField } from '../fields.js';
import { labelOf, type Lang } from '../vocabulary.js';
import type { OutCell, OutTable } from './out-table.js';

const LIST_SEPARATOR: Readonly<Record<Lang, string>> = { zh: '、', en: '; ' };
const YES_NO: Readonly<Record<Lang, readonly [string, string]>> = { zh: ['是', '否'], en: ['yes', 'no'] };

/** One field value as a cell of `column`. */
export function cellOf(column: ColumnDef, value: unknown, lang: Lang): OutCell {
  if (value === undefined || value === null) return null;
  switch (column.kind) {
    case 'integer':
    case 'number':
      return typeof value === 'number' ? value : String(value);
    case 'boolean':
      return value === true ? YES_NO[lang][0] : value === false ? YES_NO[lang][1] : String(value);
    case 'enum':
      return column.vocabulary ? labelOf(column.vocabulary, String(value), lang) : String(value);
    case 'textList':
    case 'communityList':
    case 'enumList': {
      const items = Array.isArray(value) ? value.map(String) : [String(value)];
      const shown = column.kind === 'enumList' && column.vocabulary ? items.map((id) => labelOf(column.vocabulary!, id, lang)) : items;
      return shown.length === 0 ? null : shown.join(LIST_SEPARATOR[lang]);
    }
    default:
      return String(value);
  }
}

/** The header texts of a section in a language. */
export function sectionHeaders(section: SectionDef, lang: Lang): string[] {
  return section.columns.map((c) => c.header[lang]);
}

/** A section's records as a table (no rows for a blank template). */
export function sectionTable(section: SectionDef, records: ReadonlyArray<Readonly<Record<string, unknown>>>, lang: Lang): OutTable {
  return {
    name: section.sheetName[lang],
    headers: sectionHeaders(section, lang),
    rows: records.map((r) => section.columns.map((c) => cellOf(c, getField(r, c.field), lang))),
    required: section.columns.map((c) => c.required),
  };
}

const RECORDS_OF: Readonly<Record<SectionKey, (b: Batch) => ReadonlyArray<object>>> = {
  communities: (b) => b.communities,
  needs: (b) => b.needs,
  offers: (b) => b.offers,
  previousPairings: (b) => b.previousPairings,
};

/** Every section of a batch as tables, communities first. */
export function batchTables(batch: Batch, lang: Lang): OutTable[] {
  return SECTIONS.map((s) => sectionTable(s, RECORDS_OF[s.key](batch) as ReadonlyArray<Record<string, unknown>>, lang));
}
