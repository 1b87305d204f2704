/**
 * Prometheus metrics, exposed in the text format (version 0.0.4). Written here rather than taken
 * from prom-client: the service needs three counters, two histograms and two gauges, which is
 * ~100 lines, and prom-client would add a dependency (and its default process collectors) for that.
 */

import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

type Labels = Readonly<Record<string, string>>;

/** Histogram buckets in seconds: 1 ms to 10 s for requests, 10 ms to 10 min for solves. */
export const REQUEST_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10];
export const SOLVE_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];

/** One series per label set, whatever order its keys were written in (called on every request: kept cheap). */
const labelKey = (labels: Labels) => {
  let key = '';
  for (const name of Object.keys(labels).sort()) key += `${name}\u0000${labels[name]}\u0001`;
  return key;
};

function renderLabels(labels: Labels, extra?: [string, string]): string {
  const entries = Object.entries(labels);
  if (extra) entries.push(extra);
  if (entries.length === 0) return '';
  const escape = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
  return `{${entries.map(([k, v]) => `${k}="${escape(v)}"`).join(',')}}`;
}

class Counter {
  private readonly values = new Map<string, { labels: Labels; value: number }>();
  constructor(readonly name: string, readonly help: string) {}

  inc(labels: Labels = {}, by = 1): void {
    const key = labelKey(labels);
    const entry = this.values.get(key) ?? { labels, value: 0 };
    entry.value += by;
    this.values.set(key, entry);
  }

  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const { labels, value } of this.values.values()) lines.push(`${this.name}${renderLabels(labels)} ${value}`);
    return lines;
  }
}

class Histogram {
  private readonly series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
  constructor(readonly name: string, readonly help: string, readonly buckets: readonly number[]) {}

  observe(labels: Labels, seconds: number): void {
    const key = labelKey(labels);
    let s = this.series.get(key);
    if (!s) {
      s = { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 };
      this.series.set(key, s);
    }
    this.buckets.forEach((le, i) => {
      if (seconds <= le) s.counts[i]! += 1;
    });
    s.sum += seconds;
    s.count += 1;
  }

  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const s of this.series.values()) {
      this.buckets.forEach((le, i) => {
        lines.push(`${this.name}_bucket${renderLabels(s.labels, ['le', String(le)])} ${s.counts[i]}`);
      });
      lines.push(`${this.name}_bucket${renderLabels(s.labels, ['le', '+Inf'])} ${s.count}`);
      lines.push(`${this.name}_sum${renderLabels(s.labels)} ${s.sum}`);
      lines.push(`${this.name}_count${renderLabels(s.labels)} ${s.count}`);
    }
    return lines;
  }
}

/** The service's metrics; gauges are read at scrape time from the functions given. */
export class Metrics {
  readonly requests = new Counter('jiedui_http_requests_total', 'HTTP requests by method, route and status.');
  readonly requestSeconds = new Histogram(
    'jiedui_http_request_duration_seconds',
    'HTTP request latency by method and route.',
    REQUEST_BUCKETS,
  );
  readonly solveSeconds = new Histogram('jiedui_solve_duration_seconds', 'Solve durations by run kind and outcome.', SOLVE_BUCKETS);
  readonly runs = new Counter('jiedui_runs_total', 'Runs finished, by kind and status.');
  private readonly gauges: { name: string; help: string; read: () => number }[] = [];
  /** How late timers fire: anything that blocks the event loop shows here. Reset at each scrape. */
  private readonly loopDelay: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });

  constructor() {
    this.loopDelay.enable();
  }

  gauge(name: string, help: string, read: () => number): void {
    this.gauges.push({ name, help, read });
  }

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.requests.inc({ method, route, status: String(status) });
    this.requestSeconds.observe({ method, route }, seconds);
  }

  observeSolve(kind: string, outcome: 'succeeded' | 'failed', seconds: number): void {
    this.solveSeconds.observe({ kind, outcome }, seconds);
    this.runs.inc({ kind, status: outcome });
  }

  /** The exposition text. */
  render(): string {
    const lines = [
      ...this.requests.render(),
      ...this.requestSeconds.render(),
      ...this.solveSeconds.render(),
      ...this.runs.render(),
    ];
    for (const g of this.gauges) lines.push(`# HELP ${g.name} ${g.help}`, `# TYPE ${g.name} gauge`, `${g.name} ${g.read()}`);
    lines.push(...this.renderLoopDelay());
    return `${lines.join('\n')}\n`;
  }

  /** Event-loop delay since the last scrape (p50, p99, max; seconds), then starts over. */
  private renderLoopDelay(): string[] {
    const h = this.loopDelay;
    const seconds = (ns: number) => (h.count > 0 ? ns / 1e9 : 0);
    const lines: string[] = [];
    for (const [name, value] of [['p50', h.percentile(50)], ['p99', h.percentile(99)], ['max', h.max]] as const) {
      const metric = `jiedui_event_loop_delay_${name}_seconds`;
      lines.push(`# HELP ${metric} Event-loop delay since the last scrape (${name}).`, `# TYPE ${metric} gauge`, `${metric} ${seconds(value)}`);
    }
    h.reset();
    return lines;
  }
}
