/**
 * Where resources are scarce (from the run's shadow prices): the value ten per cent more capacity
 * would add, by form, category, district or provider kind, and the scarcest combinations.
 */
import { useState } from 'preact/hooks';
import type { BottleneckRow, Bottlenecks } from '../api/types.js';
import { BarChart } from '../charts/bar-chart.js';
import { Section } from '../components/common.js';
import { useI18n, type I18n } from '../i18n/i18n.js';

const DIMENSIONS = ['byForm', 'byCategory', 'byDistrict', 'byProviderKind'] as const;
type Dimension = (typeof DIMENSIONS)[number];
const HOTSPOTS_SHOWN = 10;

/** A group's name in the reader's language (hotspots name form · category · district). */
function groupLabel(row: BottleneckRow, i18n: I18n): string {
  switch (row.dimension) {
    case 'form':
      return i18n.form(row.key);
    case 'category':
      return i18n.category(row.key);
    case 'providerKind':
      return i18n.providerKind(row.key);
    case 'hotspot':
      return [row.form && i18n.form(row.form), row.category && i18n.category(row.category), row.district].filter(Boolean).join(' · ') || row.key;
    default:
      return row.key;
  }
}

export function BottleneckReport({ bottlenecks, note }: { bottlenecks: Bottlenecks; note: string | undefined }) {
  const i18n = useI18n();
  const { t, number } = i18n;
  const available = DIMENSIONS.filter((d) => (bottlenecks[d]?.length ?? 0) > 0);
  const [dimension, setDimension] = useState<Dimension>(available[0] ?? 'byForm');
  const rows = bottlenecks[dimension] ?? [];
  const bars = [...rows]
    .sort((a, b) => b.valueOfTenPercent - a.valueOfTenPercent)
    .map((r) => ({ key: r.key, label: groupLabel(r, i18n), value: r.valueOfTenPercent, text: `${number(r.valueOfTenPercent)} · ${t('bottleneck.scarce', { scarce: r.scarceOffers, offers: r.offers })}` }));
  const hotspots = (bottlenecks.hotspots ?? []).slice(0, HOTSPOTS_SHOWN);
  return (
    <Section
      title={t('bottleneck.title')}
      actions={
        <div class="segmented" role="group">
          {available.map((d) => (
            <button key={d} type="button" class={d === dimension ? 'active' : ''} aria-pressed={d === dimension} onClick={() => setDimension(d)}>
              {t(`bottleneck.${d}`)}
            </button>
          ))}
        </div>
      }
    >
      <div data-view="bottlenecks">
        <p class="muted">{t('bottleneck.hint')}</p>
        {note && <p class="muted small">{note}</p>}
        <BarChart title={t(`bottleneck.${dimension}`)} bars={bars} emptyText={t('chart.empty')} tone="scarcity" />
        {hotspots.length > 0 && (
          <table class="table compact">
            <caption>{t('bottleneck.hotspots')}</caption>
            <thead>
              <tr>
                <th>{t('bottleneck.col.group')}</th>
                <th class="num">{t('bottleneck.col.scarce')}</th>
                <th class="num">{t('bottleneck.col.meanPrice')}</th>
                <th class="num">{t('bottleneck.col.value10')}</th>
              </tr>
            </thead>
            <tbody>
              {hotspots.map((r) => (
                <tr key={r.key}>
                  <td data-label={t('bottleneck.col.group')}>{groupLabel(r, i18n)}</td>
                  <td data-label={t('bottleneck.col.scarce')} class="num">{`${r.scarceOffers} / ${r.offers}`}</td>
                  <td data-label={t('bottleneck.col.meanPrice')} class="num">{number(r.meanPrice, 3)}</td>
                  <td data-label={t('bottleneck.col.value10')} class="num">{number(r.valueOfTenPercent)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </Section>
  );
}
