/**
 * A horizontal bar chart in plain SVG: one row per group, the bar's filled part the value and
 * its pale track the total, with the numbers written next to it, so it reads at a glance and
 * still says the exact figure. Labels are HTML (they wrap and can be selected); bars are SVG.
 */

export interface Bar {
  readonly key: string;
  readonly label: string;
  readonly value: number;
  /** Drawn as the pale track behind the bar (the whole the value is part of). */
  readonly total?: number;
  /** What is written next to the bar. */
  readonly text: string;
}

export interface BarChartProps {
  readonly title: string;
  readonly bars: readonly Bar[];
  /** The value a full-width bar stands for (default: the largest total or value). */
  readonly max?: number;
  readonly emptyText: string;
  readonly tone?: 'coverage' | 'scarcity';
}

const width = (value: number, max: number) => (max > 0 ? Math.max(0, Math.min(100, (100 * value) / max)) : 0);

export function BarChart({ title, bars, max, emptyText, tone = 'coverage' }: BarChartProps) {
  const scale = max ?? Math.max(0, ...bars.map((b) => Math.max(b.value, b.total ?? 0)));
  return (
    <figure class={`chart chart-${tone}`}>
      <figcaption>{title}</figcaption>
      {bars.length === 0 ? (
        <p class="muted">{emptyText}</p>
      ) : (
        <ul class="chart-rows">
          {bars.map((bar) => (
            <li class="chart-row" key={bar.key} data-key={bar.key}>
              <span class="chart-label" title={bar.label}>
                {bar.label}
              </span>
              <svg class="chart-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                {bar.total !== undefined && <rect class="chart-track" x="0" y="0" width={width(bar.total, scale)} height="10" />}
                <rect class="chart-fill" x="0" y="0" width={width(bar.value, scale)} height="10" />
              </svg>
              <span class="chart-value">{bar.text}</span>
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
