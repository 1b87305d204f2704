/**
 * Small log-log line charts as one SVG (no dependency): panels side by side, each with its
 * series, a legend and optional horizontal target lines.
 */

export interface Series {
  readonly name: string;
  readonly color: string;
  readonly points: ReadonlyArray<readonly [number, number]>;
  readonly dashed?: boolean;
}

export interface Chart {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly Series[];
  /** Horizontal reference lines (targets). */
  readonly targets?: ReadonlyArray<{ readonly y: number; readonly label: string }>;
}

const W = 470;
const H = 360;
const M = { left: 64, right: 16, top: 36, bottom: 96 };

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Decade ticks (1, 2, 5 × 10^k) covering [lo, hi]. */
function ticks(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** e;
      if (v >= lo * 0.999 && v <= hi * 1.001) out.push(v);
    }
  }
  return out;
}

function label(v: number): string {
  if (v >= 1e6) return `${v / 1e6}M`;
  if (v >= 1e3) return `${v / 1e3}k`;
  return String(Number(v.toPrecision(3)));
}

function panel(chart: Chart, dx: number): string {
  const xs = chart.series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = [...chart.series.flatMap((s) => s.points.map((p) => p[1])), ...(chart.targets ?? []).map((t) => t.y)].filter((y) => y > 0);
  const [x0, x1] = [Math.min(...xs) / 1.5, Math.max(...xs) * 1.5];
  const [y0, y1] = [Math.min(...ys) / 2, Math.max(...ys) * 2];
  const px = (x: number) => dx + M.left + ((Math.log(x) - Math.log(x0)) / (Math.log(x1) - Math.log(x0))) * (W - M.left - M.right);
  const py = (y: number) => M.top + (1 - (Math.log(y) - Math.log(y0)) / (Math.log(y1) - Math.log(y0))) * (H - M.top - M.bottom);
  const parts: string[] = [];
  parts.push(`<text x="${dx + W / 2}" y="20" text-anchor="middle" font-weight="bold">${escape(chart.title)}</text>`);
  for (const t of ticks(y0, y1)) {
    parts.push(`<line x1="${px(x0)}" x2="${px(x1)}" y1="${py(t)}" y2="${py(t)}" stroke="#e5e5e5"/>`);
    parts.push(`<text x="${px(x0) - 6}" y="${py(t) + 4}" text-anchor="end" font-size="11">${label(t)}</text>`);
  }
  for (const t of ticks(x0, x1)) {
    parts.push(`<line x1="${px(t)}" x2="${px(t)}" y1="${py(y0)}" y2="${py(y1)}" stroke="#f0f0f0"/>`);
    parts.push(`<text x="${px(t)}" y="${py(y0) + 15}" text-anchor="middle" font-size="11">${label(t)}</text>`);
  }
  parts.push(`<rect x="${px(x0)}" y="${py(y1)}" width="${px(x1) - px(x0)}" height="${py(y0) - py(y1)}" fill="none" stroke="#888"/>`);
  parts.push(`<text x="${dx + W / 2}" y="${py(y0) + 32}" text-anchor="middle" font-size="12">${escape(chart.xLabel)}</text>`);
  parts.push(`<text transform="translate(${dx + 16} ${(M.top + py(y0)) / 2}) rotate(-90)" text-anchor="middle" font-size="12">${escape(chart.yLabel)}</text>`);
  for (const t of chart.targets ?? []) {
    parts.push(`<line x1="${px(x0)}" x2="${px(x1)}" y1="${py(t.y)}" y2="${py(t.y)}" stroke="#c00" stroke-dasharray="2 3"/>`);
    parts.push(`<text x="${px(x1) - 4}" y="${py(t.y) - 4}" text-anchor="end" font-size="11" fill="#c00">${escape(t.label)}</text>`);
  }
  chart.series.forEach((s, i) => {
    const points = s.points.filter((p) => p[0] > 0 && p[1] > 0);
    const d = points.map((p, j) => `${j === 0 ? 'M' : 'L'}${px(p[0]).toFixed(1)},${py(p[1]).toFixed(1)}`).join(' ');
    parts.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
    for (const p of points) parts.push(`<circle cx="${px(p[0]).toFixed(1)}" cy="${py(p[1]).toFixed(1)}" r="3" fill="${s.color}"/>`);
    const ly = py(y0) + 48 + 14 * Math.floor(i / 2);
    const lx = dx + M.left + (i % 2) * 200;
    parts.push(`<line x1="${lx}" x2="${lx + 22}" y1="${ly - 4}" y2="${ly - 4}" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
    parts.push(`<text x="${lx + 28}" y="${ly}" font-size="11">${escape(s.name)}</text>`);
  });
  return parts.join('\n');
}

/** The charts side by side as one SVG document. */
export function chartsSvg(charts: readonly Chart[], caption: string): string {
  const width = W * charts.length;
  const body = charts.map((c, i) => panel(c, i * W)).join('\n');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${H + 18}" viewBox="0 0 ${width} ${H + 18}" font-family="sans-serif">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    body,
    `<text x="8" y="${H + 12}" font-size="10" fill="#555">${escape(caption)}</text>`,
    '</svg>',
    '',
  ].join('\n');
}
