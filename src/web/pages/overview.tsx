/**
 * A run at a glance: needs met, demand met, communities reached, beneficiaries; the same by
 * district, category and provider kind as bar charts; review progress; bottlenecks if reported.
 */
import { useState } from 'preact/hooks';
import { endpoints } from '../api/endpoints.js';
import type { CoverageRow, RunView, Statistics } from '../api/types.js';
import { BarChart, type Bar } from '../charts/bar-chart.js';
import { ErrorNotice, Kpi, Loading, Section } from '../components/common.js';
import { useI18n, type I18n } from '../i18n/i18n.js';
import { useSession } from '../state/session.js';
import { useAsync } from '../state/use-async.js';
import { BottleneckReport } from './bottlenecks.js';

const MEASURES = ['beneficiaries', 'needsMet', 'demandMet', 'communities'] as const;
type Measure = (typeof MEASURES)[number];

/** One coverage row as a bar of the chosen measure. */
function barOf(row: CoverageRow, measure: Measure, label: string, i18n: I18n): Bar {
  const { number, percent } = i18n;
  const of = (value: number, total: number) => ({ key: row.key, label, value, total, text: `${number(value)} / ${number(total)}` });
  switch (measure) {
    case 'beneficiaries':
      return of(row.beneficiariesReached, row.beneficiaries);
    case 'needsMet':
      return of(row.needsMet, row.needs);
    case 'communities':
      return of(row.communitiesReached, row.communities);
    case 'demandMet':
      return { key: row.key, label, value: row.demandMetShare, total: 1, text: percent(row.demandMetShare) };
  }
}

function CoverageCharts({ stats }: { stats: Statistics }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [measure, setMeasure] = useState<Measure>('beneficiaries');
  const bars = (rows: readonly CoverageRow[], label: (key: string) => string) =>
    rows.map((r) => barOf(r, measure, label(r.key), i18n)).sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
  const max = measure === 'demandMet' ? 1 : undefined;
  const empty = t('chart.empty');
  return (
    <Section
      title={t('coverage.title')}
      actions={
        <div class="segmented" role="group" aria-label={t('measure.label')}>
          {MEASURES.map((m) => (
            <button key={m} type="button" class={m === measure ? 'active' : ''} aria-pressed={m === measure} onClick={() => setMeasure(m)} data-measure={m}>
              {t(`measure.${m}`)}
            </button>
          ))}
        </div>
      }
    >
      <div class="charts">
        <BarChart title={t('chart.byDistrict')} bars={bars(stats.coverage.byDistrict, (k) => k)} max={max} emptyText={empty} />
        <BarChart title={t('chart.byCategory')} bars={bars(stats.coverage.byCategory, i18n.category)} max={max} emptyText={empty} />
        <BarChart title={t('chart.byProviderKind')} bars={bars(stats.coverage.byProviderKind, i18n.providerKind)} max={max} emptyText={empty} />
      </div>
    </Section>
  );
}

function KeyFigures({ stats }: { stats: Statistics }) {
  const { t, number, percent } = useI18n();
  const total = stats.coverage.total;
  const share = (part: number, whole: number) => (whole > 0 ? percent(part / whole) : '—');
  const solved = stats.solve.gap === 0 ? t('kpi.solve.optimal') : t('kpi.solve.gap', { gap: number(stats.solve.gap, 4) });
  return (
    <div class="kpis">
      <Kpi name="needs" label={t('kpi.needsMet')} value={share(total.needsMet, total.needs)} detail={t('kpi.needsMet.detail', { met: number(total.needsMet), total: number(total.needs), partly: number(total.needsPartlyMet) })} />
      <Kpi name="demand" label={t('kpi.demandMet')} value={percent(total.demandMetShare)} detail={t('kpi.demandMet.detail')} />
      <Kpi name="communities" label={t('kpi.communities')} value={share(total.communitiesReached, total.communities)} detail={t('kpi.communities.detail', { reached: number(total.communitiesReached), total: number(total.communities) })} />
      <Kpi name="beneficiaries" label={t('kpi.beneficiaries')} value={number(total.beneficiariesReached)} detail={t('kpi.beneficiaries.detail', { reached: number(total.beneficiariesReached), total: number(total.beneficiaries) })} />
      <Kpi name="review" label={t('kpi.review')} value={share(stats.review.approved + stats.review.rejected, stats.totals.pairings)} detail={t('kpi.review.detail', { proposed: number(stats.review.proposed), approved: number(stats.review.approved), rejected: number(stats.review.rejected) })} />
      <Kpi name="solve" label={t('kpi.solve')} value={number(stats.totals.totalValue)} detail={solved} />
    </div>
  );
}

export function Overview({ run }: { run: RunView }) {
  const { api } = useSession();
  const stats = useAsync(() => endpoints.statistics(api, run.id), [api, run.id]);
  if (!stats.data) return stats.error ? <ErrorNotice error={stats.error} /> : <Loading />;
  const bottlenecks = stats.data.prices?.bottlenecks ?? stats.data.bottlenecks;
  return (
    <div class="stack" data-view="overview">
      <KeyFigures stats={stats.data} />
      <CoverageCharts stats={stats.data} />
      {bottlenecks && <BottleneckReport bottlenecks={bottlenecks} note={stats.data.prices?.note} />}
    </div>
  );
}
