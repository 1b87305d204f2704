/**
 * Progress of a long `jiedui solve` on stderr: a bar redrawn in place on a terminal, plain
 * timestamped lines otherwise (logs, CI), nothing for small batches unless asked. Stdout stays
 * the result's alone.
 */
import type { StreamProgress } from '../intake/stream/index.js';
import type { SolveProgress } from '../match/parallel/solve-components-parallel.js';

/** Where progress goes: process.stderr, or a test double. */
export interface ProgressSink {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export type ProgressMode = 'auto' | 'bar' | 'lines' | 'off';
export const PROGRESS_MODES: readonly ProgressMode[] = ['auto', 'bar', 'lines', 'off'];

/** Input files from this size on make `auto` show progress (a city batch is 3.7 MB and runs for seconds). */
export const PROGRESS_AUTO_BYTES = 1024 * 1024;

/** What the solve command tells the display as a run goes. */
export interface RunProgress {
  reading(progress: StreamProgress): void;
  /** A stage ended after `ms` milliseconds (intake, candidates, scoring, model, solve, results). */
  stage(name: string, ms: number): void;
  model(components: number, arcs: number, parallel: boolean): void;
  solving(progress: SolveProgress): void;
  /** The run is over; `what` ends the display (e.g. "done"). */
  done(what: string): void;
}

/** Share of a typical large run each stage takes (from the province profile), for the bar's overall percentage. */
const STAGE_SHARE: Readonly<Record<string, number>> = { intake: 0.14, candidates: 0.14, scoring: 0.08, model: 0.1, solve: 0.44, results: 0.1 };
const STAGES = Object.keys(STAGE_SHARE);

/** The display for `mode`: `auto` is a bar on a terminal, lines elsewhere, and nothing below {@link PROGRESS_AUTO_BYTES}. */
export function createRunProgress(mode: ProgressMode, sink: ProgressSink, clock: () => number, inputBytes: number): RunProgress {
  const chosen = mode === 'auto' ? (inputBytes < PROGRESS_AUTO_BYTES ? 'off' : sink.isTTY ? 'bar' : 'lines') : mode;
  if (chosen === 'off') return { reading() {}, stage() {}, model() {}, solving() {}, done() {} };
  return chosen === 'bar' ? new BarProgress(sink, clock) : new LineProgress(sink, clock);
}

/** Overall share done: finished stages, plus the running stage's own fraction. */
function overall(finished: ReadonlySet<string>, running: string | undefined, fraction: number): number {
  let share = 0;
  for (const s of STAGES) if (finished.has(s)) share += STAGE_SHARE[s]!;
  if (running && !finished.has(running)) share += (STAGE_SHARE[running] ?? 0) * Math.min(1, Math.max(0, fraction));
  return Math.min(1, share);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const count = (n: number) => n.toLocaleString('en-US');

/** Which stage runs after `name` ends. */
function nextStage(name: string): string | undefined {
  return STAGES[STAGES.indexOf(name) + 1];
}

class LineProgress implements RunProgress {
  private readonly started: number;
  private lastLine = -Infinity;

  constructor(
    private readonly sink: ProgressSink,
    private readonly clock: () => number,
  ) {
    this.started = clock();
  }

  private line(text: string, throttle: boolean): void {
    const now = this.clock();
    // Repeated status lines at most every 2 s: a log should not fill with percentages.
    if (throttle && now - this.lastLine < 2000) return;
    this.lastLine = now;
    this.sink.write(`jiedui: ${text} [${seconds(now - this.started)}]\n`);
  }

  reading(p: StreamProgress): void {
    const of = p.totalBytes ? ` of ${megabytes(p.totalBytes)}` : '';
    this.line(`reading: ${megabytes(p.bytes)}${of}${p.records > 0 ? `, ${count(p.records)} records` : ''}`, true);
  }

  stage(name: string, ms: number): void {
    this.line(`${name} done in ${seconds(ms)}`, false);
  }

  model(components: number, arcs: number, parallel: boolean): void {
    this.line(`model: ${count(components)} components, ${count(arcs)} arcs; solving ${parallel ? 'on worker threads too' : 'on this thread'}`, false);
  }

  solving(p: SolveProgress): void {
    if (p.components === p.totalComponents) return; // the stage line says it
    this.line(`solving: ${count(p.components)}/${count(p.totalComponents)} components, ${Math.round((100 * p.arcs) / p.totalArcs)}% of arcs`, true);
  }

  done(what: string): void {
    this.line(what, false);
  }
}

class BarProgress implements RunProgress {
  private readonly started: number;
  private readonly finished = new Set<string>();
  private running: string | undefined = 'intake';
  private fraction = 0;
  private detail = 'reading';
  private lastDraw = -Infinity;

  constructor(
    private readonly sink: ProgressSink,
    private readonly clock: () => number,
  ) {
    this.started = clock();
  }

  private draw(force: boolean): void {
    const now = this.clock();
    if (!force && now - this.lastDraw < 80) return;
    this.lastDraw = now;
    const done = overall(this.finished, this.running, this.fraction);
    const width = Math.max(10, Math.min(40, (this.sink.columns ?? 80) - 50));
    const filled = Math.round(done * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    const text = `jiedui ▕${bar}▏ ${String(Math.round(done * 100)).padStart(3)}%  ${this.detail} · ${seconds(now - this.started)}`;
    this.sink.write(`\r\x1b[2K${text}`);
  }

  reading(p: StreamProgress): void {
    this.fraction = p.totalBytes ? p.bytes / p.totalBytes : 0;
    this.detail = `reading ${megabytes(p.bytes)}`;
    this.draw(false);
  }

  stage(name: string, _ms: number): void {
    this.finished.add(name);
    this.running = nextStage(name);
    this.fraction = 0;
    this.detail = this.running ?? 'done';
    this.draw(true);
  }

  model(components: number, arcs: number): void {
    this.detail = `solving ${count(components)} components, ${count(arcs)} arcs`;
    this.draw(true);
  }

  solving(p: SolveProgress): void {
    this.fraction = p.arcs / p.totalArcs;
    this.detail = `solving ${count(p.components)}/${count(p.totalComponents)} components`;
    this.draw(false);
  }

  done(what: string): void {
    this.sink.write(`\r\x1b[2Kjiedui: ${what} in ${seconds(this.clock() - this.started)}\n`);
  }
}
