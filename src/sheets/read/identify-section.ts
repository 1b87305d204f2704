/**
 * Which batch section a sheet holds. The sheet name decides when it is one we know (`需求`,
 * `needs`, a rejects sheet `需求（退回）`, or an explanation/options/result sheet, which is skipped);
 * otherwise the id columns do: need id and offer id → earlier pairings, need id → needs,
 * offer id → offers, community id alone → communities.
 */
import { SECTIONS, type SectionDef, type SectionKey } from '../columns/index.js';
import { normaliseHeader } from './header-names.js';
import { isBlank, type SheetTable } from './sheet-table.js';

export type Identified =
  | { readonly kind: 'section'; readonly section: SectionDef; /** Index into table.rows of the header row. */ readonly headerAt: number }
  | { readonly kind: 'skipped'; readonly reason: string }
  | { readonly kind: 'unknown' };

/** Sheets that are never data: explanations, option lists, and a run export's other sheets. */
const AUXILIARY_SHEETS = ['填写说明', '说明', '选项', '可选值', 'columns', 'options', 'readme', 'instructions', '未满足需求', 'unmet needs', 'unmet', '统计', 'statistics', '概要', 'summary'];

/** Rejects sheets are named after their section with a suffix, e.g. `需求（退回）`, `needs (rejected)`. */
function baseSheetName(name: string): string {
  return normaliseHeader(name).replace(/\((退回|rejected|rejects)\)$/, '').replace(/-(退回|rejected|rejects)$/, '');
}

const SECTION_BY_NAME = new Map<string, SectionDef>(
  SECTIONS.flatMap((s) => [s.sheetName.zh, s.sheetName.en, s.fileStem, ...s.sheetAliases].map((n) => [normaliseHeader(n), s] as const)),
);
const AUXILIARY = new Set(AUXILIARY_SHEETS.map(normaliseHeader));

const ID_HEADERS: Readonly<Record<'need' | 'offer' | 'community', ReadonlySet<string>>> = {
  need: new Set(['需求编号', 'needid', '需求id', 'need']),
  offer: new Set(['资源编号', 'offerid', '资源id', 'offer']),
  community: new Set(['社区编号', 'communityid', '社区id']),
};

/** How far down a header row is looked for (title rows above it are common). */
const HEADER_SEARCH_ROWS = 5;

function sectionFromIds(headers: ReadonlySet<string>): SectionKey | undefined {
  const has = (k: keyof typeof ID_HEADERS) => [...ID_HEADERS[k]].some((h) => headers.has(h));
  if (has('need') && has('offer')) return 'previousPairings';
  if (has('need')) return 'needs';
  if (has('offer')) return 'offers';
  if (has('community')) return 'communities';
  return undefined;
}

function rowHeaders(table: SheetTable, at: number): Set<string> {
  const cells = table.rows[at]?.cells ?? [];
  return new Set(cells.filter((c): c is string => typeof c === 'string' && !isBlank(c)).map(normaliseHeader));
}

/** The first of the top rows naming at least one of the section's columns (else the first row). */
function headerRowFor(table: SheetTable, section: SectionDef): number {
  const names = new Set(section.columns.flatMap((c) => [c.header.zh, c.header.en, c.field, ...(c.aliases ?? [])].map(normaliseHeader)));
  for (let at = 0; at < Math.min(HEADER_SEARCH_ROWS, table.rows.length); at += 1) {
    if ([...rowHeaders(table, at)].some((h) => names.has(h))) return at;
  }
  return 0;
}

export function identifySection(table: SheetTable): Identified {
  if (table.hidden) return { kind: 'skipped', reason: 'hidden sheet' };
  if (table.rows.length === 0) return { kind: 'skipped', reason: 'empty sheet' };
  const name = baseSheetName(table.sheet);
  if (table.format === 'xlsx' && AUXILIARY.has(name)) return { kind: 'skipped', reason: 'explanation or result sheet' };
  const byName = table.format === 'xlsx' ? SECTION_BY_NAME.get(name) : undefined;
  if (byName) return { kind: 'section', section: byName, headerAt: headerRowFor(table, byName) };
  for (let at = 0; at < Math.min(HEADER_SEARCH_ROWS, table.rows.length); at += 1) {
    const key = sectionFromIds(rowHeaders(table, at));
    const section = key === undefined ? undefined : SECTIONS.find((s) => s.key === key);
    if (section) return { kind: 'section', section, headerAt: at };
  }
  return { kind: 'unknown' };
}
