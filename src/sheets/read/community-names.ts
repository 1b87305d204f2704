/**
 * Planners often write a community's name where its id belongs ("所属社区: 东园村"). A value that
 * is not a community id but is the name of exactly one community is replaced by that id; a name
 * shared by several communities is an issue (which one is meant cannot be known).
 */
import { foldText } from '../vocabulary.js';
import { sheetIssue } from '../sheet-issue.js';
import type { RowRecord } from './sheet-records.js';

interface CommunityIndex {
  readonly ids: ReadonlySet<string>;
  /** Folded name → ids of the communities with that name. */
  readonly byName: ReadonlyMap<string, readonly string[]>;
}

function indexCommunities(communities: readonly RowRecord[]): CommunityIndex {
  const ids = new Set<string>();
  const byName = new Map<string, string[]>();
  for (const rec of communities) {
    const id = rec.value['id'];
    const name = rec.value['name'];
    if (typeof id !== 'string') continue;
    ids.add(id);
    if (typeof name === 'string') byName.set(foldText(name), [...(byName.get(foldText(name)) ?? []), id]);
  }
  return { ids, byName };
}

function resolveOne(value: string, index: CommunityIndex): { id: string } | { ambiguous: readonly string[] } {
  if (index.ids.has(value)) return { id: value };
  const named = index.byName.get(foldText(value));
  if (named === undefined) return { id: value };
  return named.length === 1 ? { id: named[0]! } : { ambiguous: named };
}

function resolveField(rec: RowRecord, field: string, index: CommunityIndex): void {
  const value = rec.value[field];
  const values = typeof value === 'string' ? [value] : Array.isArray(value) ? (value as unknown[]) : [];
  const out: unknown[] = [];
  for (const v of values) {
    if (typeof v !== 'string') {
      out.push(v);
      continue;
    }
    const r = resolveOne(v, index);
    if ('id' in r) {
      out.push(r.id);
      continue;
    }
    out.push(v);
    const mapped = rec.source.mapping.columns.find((m) => m.column.field === field);
    rec.failedFields.add(field);
    rec.issues.push(
      sheetIssue(rec.source.table, { row: rec.row.row, ...(mapped ? { column: mapped.header, columnIndex: mapped.index } : {}) }, {
        code: 'ambiguous_community',
        message: `several communities are called "${v}": ${r.ambiguous.join(', ')}`,
        hint: 'write the community id instead of its name',
      }),
    );
  }
  if (typeof value === 'string') rec.value[field] = out[0];
  else if (Array.isArray(value)) rec.value[field] = out;
}

/** Replaces community names by ids in needs (community) and offers (preferred/excluded lists). */
export function resolveCommunityNames(communities: readonly RowRecord[], needs: readonly RowRecord[], offers: readonly RowRecord[]): void {
  const index = indexCommunities(communities);
  for (const rec of needs) resolveField(rec, 'community', index);
  for (const rec of offers) {
    resolveField(rec, 'preferredCommunities', index);
    resolveField(rec, 'excludedCommunities', index);
  }
}
