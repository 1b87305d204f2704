/**
 * How headers and sheet names are compared: folded (full-width → ASCII, lower case), spaces and
 * required-markers dropped, so `需求编号*`, `需求编号（必填）`, ` Need ID ` and `need_id` all match.
 */
import type { ColumnDef, SectionDef } from '../columns/types.js';
import { foldText } from '../vocabulary.js';

export function normaliseHeader(text: string): string {
  return foldText(text)
    .replace(/\((必填|选填|可选|required|optional)\)/g, '')
    .replace(/[\s*:：]/g, '');
}

/** Every header text a column answers to, normalised. */
export function headerNamesOf(column: ColumnDef): string[] {
  const names = [column.header.zh, column.header.en, column.field, ...(column.aliases ?? [])];
  return [...new Set(names.map(normaliseHeader))];
}

/** Lookup from normalised header to column, for one section. Earlier columns win a shared alias. */
export function headerLookup(section: SectionDef): ReadonlyMap<string, ColumnDef> {
  const map = new Map<string, ColumnDef>();
  for (const column of section.columns) {
    for (const name of headerNamesOf(column)) if (!map.has(name)) map.set(name, column);
  }
  // Own headers beat another column's alias (`类型` is an alias, `需求类型` a header).
  for (const column of section.columns) {
    map.set(normaliseHeader(column.header.zh), column);
    map.set(normaliseHeader(column.header.en), column);
  }
  return map;
}

/**
 * Columns a rejects sheet adds (where the row came from, why it was turned back). Any section
 * ignores them, so a planner can fix a rejects sheet and import it as it is.
 */
export const REJECT_COLUMNS = {
  source: { zh: '原表', en: 'Source sheet' },
  sourceRow: { zh: '原行号', en: 'Source row' },
  reason: { zh: '退回原因', en: 'Reason' },
} as const;

const IGNORED_HEADERS = new Set(Object.values(REJECT_COLUMNS).flatMap((l) => [normaliseHeader(l.zh), normaliseHeader(l.en)]));

/** True for headers every section skips (the rejects sheet's own columns). */
export function isIgnoredHeader(normalised: string): boolean {
  return IGNORED_HEADERS.has(normalised);
}
