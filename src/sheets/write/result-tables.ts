/**
 * A run's result → tables for officials: pairings (with need titles and provider names when the
 * batch is given, and review status when the result has one), unmet needs with their reasons,
 * coverage statistics by district, category, provider kind and form, and a short summary.
 * Quantities are in each form's canonical unit, as the run reports them.
 */
import type { Batch } from '../../domain/batch-schema.js';
import type { Label } from '../../domain/taxonomy.js';
import { CANONICAL_UNIT } from '../../domain/units.js';
import type { Coverage, CoverageRow, MatchResult, Pairing, UnmetNeed } from '../../match/types.js';
import { labelOf, type Lang } from '../vocabulary.js';
import type { OutCell, OutTable } from './out-table.js';
import { DIMENSIONS, H, REASONS, RESULT_SHEETS, STATUSES, reasonDetail, yesNo } from './result-text.js';

/** A pairing as exported: a run's pairing, or a stored one with its review status. */
export type ExportPairing = Pick<Pairing, 'need' | 'offer' | 'amount' | 'unit' | 'value' | 'community' | 'district' | 'street' | 'category' | 'form' | 'providerKind' | 'locked' | 'alternates'> & {
  readonly score: Pick<Pairing['score'], 'fit' | 'valuePerUnit'>;
  readonly status?: string;
  readonly reason?: string | null;
};

/** What an export needs of a result; a MatchResult is one, and so is a stored run's summary with its rows. */
export interface ExportableResult {
  readonly mode: string;
  readonly weightProfile: string;
  readonly pairings: readonly ExportPairing[];
  readonly unmet: readonly UnmetNeed[];
  readonly coverage: Coverage;
  readonly solve: Pick<MatchResult['solve'], 'status' | 'objective' | 'bound' | 'gap' | 'components'>;
}

export interface ResultTableOptions {
  readonly lang: Lang;
  /** When given, need titles and provider names are added next to their ids. */
  readonly batch?: Pick<Batch, 'needs' | 'offers'>;
}

type Col<T> = readonly [Label, (row: T) => OutCell, string?];

function table<T>(name: Label, columns: ReadonlyArray<Col<T>>, rows: readonly T[], lang: Lang): OutTable {
  return {
    name: name[lang],
    headers: columns.map(([h]) => h[lang]),
    rows: rows.map((r) => columns.map(([, get]) => get(r))),
    numFmts: columns.map(([, , fmt]) => fmt),
  };
}

function pairingColumns(result: ExportableResult, opts: ResultTableOptions): Array<Col<ExportPairing>> {
  const { lang, batch } = opts;
  const titles = new Map(batch?.needs.map((n) => [n.id, n.title]));
  const providers = new Map(batch?.offers.map((o) => [o.id, o.provider.name]));
  const cols: Array<Col<ExportPairing> | undefined> = [
    [H.needId, (p) => p.need],
    batch ? [H.needTitle, (p) => titles.get(p.need) ?? null] : undefined,
    [H.offerId, (p) => p.offer],
    batch ? [H.provider, (p) => providers.get(p.offer) ?? null] : undefined,
    [H.communityId, (p) => p.community],
    [H.district, (p) => p.district],
    [H.street, (p) => p.street],
    [H.category, (p) => labelOf('category', p.category, lang)],
    [H.form, (p) => labelOf('form', p.form, lang)],
    [H.providerKind, (p) => labelOf('providerKind', p.providerKind, lang)],
    [H.amount, (p) => p.amount],
    [H.unit, (p) => labelOf('unit', p.unit, lang)],
    [H.value, (p) => p.value, '0.0000'],
    [H.fit, (p) => p.score.fit, '0.000'],
    [H.valuePerUnit, (p) => p.score.valuePerUnit, '0.000000'],
    [H.locked, (p) => yesNo(p.locked, lang)],
    [H.alternates, (p) => p.alternates.map((a) => a.offer).join(lang === 'zh' ? '、' : '; ') || null],
  ];
  if (result.pairings.some((p) => p.status !== undefined)) {
    cols.push([H.status, (p) => (p.status ? (STATUSES[p.status]?.[lang] ?? p.status) : null)], [H.decision, (p) => p.reason ?? null]);
  }
  return cols.filter((c): c is Col<ExportPairing> => c !== undefined);
}

function unmetColumns(opts: ResultTableOptions): Array<Col<UnmetNeed>> {
  const { lang, batch } = opts;
  const titles = new Map(batch?.needs.map((n) => [n.id, n.title]));
  const cols: Array<Col<UnmetNeed> | undefined> = [
    [H.needId, (u) => u.need],
    batch ? [H.needTitle, (u) => titles.get(u.need) ?? null] : undefined,
    [H.communityId, (u) => u.community],
    [H.district, (u) => u.district],
    [H.category, (u) => labelOf('category', u.category, lang)],
    [H.form, (u) => labelOf('form', u.form, lang)],
    [H.demand, (u) => u.demand],
    [H.met, (u) => u.met],
    [H.gap, (u) => u.demand - u.met],
    [H.unit, (u) => labelOf('unit', CANONICAL_UNIT[u.form], lang)],
    [H.reason, (u) => REASONS[u.reason.code][lang]],
    [H.detail, (u) => reasonDetail(u.reason, lang) || null],
  ];
  return cols.filter((c): c is Col<UnmetNeed> => c !== undefined);
}

type StatRow = { readonly dimension: keyof typeof DIMENSIONS; readonly row: CoverageRow };

function groupLabel(s: StatRow, lang: Lang): string {
  switch (s.dimension) {
    case 'total':
      return lang === 'zh' ? '全部' : 'all';
    case 'category':
    case 'providerKind':
    case 'form':
      return labelOf(s.dimension, s.row.key, lang);
    default:
      return s.row.key;
  }
}

function statisticsTable(coverage: Coverage, lang: Lang): OutTable {
  const rows: StatRow[] = [
    { dimension: 'total', row: coverage.total },
    ...coverage.byDistrict.map((row) => ({ dimension: 'district' as const, row })),
    ...coverage.byCategory.map((row) => ({ dimension: 'category' as const, row })),
    ...coverage.byProviderKind.map((row) => ({ dimension: 'providerKind' as const, row })),
    ...coverage.byForm.map((row) => ({ dimension: 'form' as const, row })),
  ];
  const cols: Array<Col<StatRow>> = [
    [H.dimension, (s) => DIMENSIONS[s.dimension][lang]],
    [H.group, (s) => groupLabel(s, lang)],
    [H.needs, (s) => s.row.needs],
    [H.needsMet, (s) => s.row.needsMet],
    [H.needsPartlyMet, (s) => s.row.needsPartlyMet],
    [H.demand, (s) => s.row.demand],
    [H.demandMet, (s) => s.row.demandMet],
    [H.demandMetShare, (s) => s.row.demandMetShare, '0.0%'],
    [H.communities, (s) => s.row.communities],
    [H.communitiesReached, (s) => s.row.communitiesReached],
    [H.beneficiaries, (s) => s.row.beneficiaries],
    [H.beneficiariesReached, (s) => s.row.beneficiariesReached],
  ];
  return table(RESULT_SHEETS.statistics, cols, rows, lang);
}

function summaryTable(result: ExportableResult, lang: Lang): OutTable {
  const zh = lang === 'zh';
  const items: Array<[string, OutCell]> = [
    [zh ? '模式' : 'mode', result.mode],
    [zh ? '权重方案' : 'weight profile', result.weightProfile],
    [zh ? '求解状态' : 'solve status', result.solve.status],
    [zh ? '目标值' : 'objective', result.solve.objective],
    [zh ? '上界' : 'bound', result.solve.bound],
    [zh ? '间隙' : 'gap', result.solve.gap],
    [zh ? '连通分量' : 'components', result.solve.components],
    [zh ? '结对数' : 'pairings', result.pairings.length],
    [zh ? '未满足需求数' : 'unmet needs', result.unmet.length],
  ];
  return { name: RESULT_SHEETS.summary[lang], headers: [H.item[lang], H.itemValue[lang]], rows: items, widths: [20, 40] };
}

/** The four tables of an export: pairings, unmet needs, statistics, summary. */
export function resultTables(result: ExportableResult, opts: ResultTableOptions): { pairings: OutTable; unmet: OutTable; statistics: OutTable; summary: OutTable } {
  return {
    pairings: table(RESULT_SHEETS.pairings, pairingColumns(result, opts), result.pairings, opts.lang),
    unmet: table(RESULT_SHEETS.unmet, unmetColumns(opts), result.unmet, opts.lang),
    statistics: statisticsTable(result.coverage, opts.lang),
    summary: summaryTable(result, opts.lang),
  };
}
