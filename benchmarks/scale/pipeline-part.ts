/**
 * Part of the scale benchmark: the whole pipeline on batches of growing size, each run a fresh
 * `jiedui solve BATCH --out RESULT` process of the built CLI (what a user runs after
 * `npm run build`). Stage times come from the run's own summary; wall, CPU and peak memory of the
 * process from outside.
 */
import { loadavg } from 'node:os';
import { measureProcess, median, waitForQuiet } from './measure-process.js';
import { batchFile, type BatchSize } from './batches.js';

export interface PipelineRow {
  readonly name: string;
  readonly needs: number;
  readonly offers: number;
  readonly batchMB: number;
  readonly candidates: number;
  readonly components: number;
  readonly largestComponentArcs: number;
  /** Median milliseconds per stage (intake, candidates, scoring, model, solve, results, end_to_end). */
  readonly stages: Readonly<Record<string, number>>;
  /** In-process end to end (reading the batch → result), every run. */
  readonly endToEndRuns: number[];
  /** The process from start to exit (Node start-up and writing the result file included). */
  readonly processSeconds: number;
  readonly cpuSeconds: number;
  readonly peakRssMiB: number;
  readonly objective: number;
  /** 1-minute load average as each run started. */
  readonly loads?: number[];
}

export interface PipelineContext {
  readonly root: string;
  readonly outDir: string;
  readonly dist: string;
  readonly log: (line: string) => void;
  /** Wait for the 1-minute load to fall below this before each run (0: do not wait). */
  readonly quietLoad: number;
}

const number = (text: string) => Number(text.replace(/,/g, ''));

/** Parses the summary `jiedui solve` prints. */
function parseSummary(stdout: string) {
  const sizes = /^([\d,]+) needs · ([\d,]+) offers · ([\d,]+) candidate pairs/m.exec(stdout);
  const solve = /objective ([\d,.]+),.*; ([\d,]+) components \(largest ([\d,]+) arcs\)/m.exec(stdout);
  const times = /^times: (.*)$/m.exec(stdout);
  if (!sizes || !solve || !times) throw new Error(`bench: unexpected summary:\n${stdout.slice(0, 2000)}`);
  const stages: Record<string, number> = {};
  for (const m of times[1]!.matchAll(/(\w+) ([\d.]+) ms/g)) stages[m[1]!] = Number(m[2]);
  return {
    needs: number(sizes[1]!),
    offers: number(sizes[2]!),
    candidates: number(sizes[3]!),
    objective: number(solve[1]!),
    components: number(solve[2]!),
    largest: number(solve[3]!),
    stages,
  };
}

/** `runs` fresh runs of the CLI on a batch of the given size. */
export function pipelineRow(ctx: PipelineContext, size: BatchSize, runs: number, extraArgs: readonly string[] = []): PipelineRow {
  const batch = batchFile(ctx.outDir, size);
  const out = `${ctx.outDir}/result-${size.name.replace('/', '-')}.json`;
  const summaries: Array<ReturnType<typeof parseSummary>> = [];
  const wall: number[] = [];
  const cpu: number[] = [];
  let peak = 0;
  const loads: number[] = [];
  for (let r = 0; r < runs; r++) {
    loads.push(ctx.quietLoad > 0 ? waitForQuiet(ctx.quietLoad, 120) : loadavg()[0] ?? 0);
    const run = measureProcess(process.execPath, [`${ctx.dist}/cli/main.js`, 'solve', batch.path, '--out', out, '--progress', 'off', ...extraArgs], {
      cwd: ctx.root,
      timeoutSeconds: 1200,
    });
    if (run.status !== 0) throw new Error(`bench: jiedui solve ${size.name} failed (${run.status}): ${run.stderr.slice(0, 2000)}`);
    summaries.push(parseSummary(run.stdout));
    wall.push(run.wallSeconds);
    cpu.push(run.cpuSeconds);
    peak = Math.max(peak, run.peakRssMiB);
    ctx.log(`${size.name}: run ${r + 1}/${runs}: ${run.wallSeconds.toFixed(1)} s, peak ${peak.toFixed(0)} MiB`);
  }
  const first = summaries[0]!;
  const stageNames = Object.keys(first.stages);
  const stages = Object.fromEntries(stageNames.map((s) => [s, median(summaries.map((x) => x.stages[s] ?? Number.NaN))]));
  return {
    name: size.name,
    needs: first.needs,
    offers: first.offers,
    batchMB: batch.bytes / 1e6,
    candidates: first.candidates,
    components: first.components,
    largestComponentArcs: first.largest,
    stages,
    endToEndRuns: summaries.map((x) => x.stages['end_to_end'] ?? Number.NaN),
    processSeconds: median(wall),
    cpuSeconds: median(cpu),
    peakRssMiB: peak,
    objective: first.objective,
    loads,
  };
}
