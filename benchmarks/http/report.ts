/** The HTTP benchmark's tables, and its section of benchmarks/RESULTS.md. */
import { readFileSync, writeFileSync } from 'node:fs';
import type { LoadResult } from './load.js';

export interface ScenarioRow {
  readonly name: string;
  readonly connections: number;
  readonly result: LoadResult;
  /** The floor's req/s for the same body, when the row is comparable with it. */
  readonly floorRps: number | undefined;
}

export interface WindowRow {
  readonly name: string;
  /** The foreground request's own latency (upload, submit). */
  readonly request: string;
  /** How long the background solve took (run elapsed time), when there is one. */
  readonly seconds: number | undefined;
  /** The reads measured during the window. */
  readonly result: LoadResult;
  /** The longest event-loop delay in the window (ms), from the service's /metrics. */
  readonly stallMs: number;
}

const ms = (x: number) => (Number.isNaN(x) ? '—' : x >= 100 ? x.toFixed(0) : x.toFixed(1));
const table = (header: string[], rows: string[][]) =>
  [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

export function scenarioTable(rows: readonly ScenarioRow[]): string {
  if (rows.length === 0) return '(scenarios skipped)';
  return table(
    ['scenario', 'conn.', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'server CPU µs/req', 'ours / floor', 'failed'],
    rows.map((r) => [
      r.name,
      String(r.connections),
      r.result.rps.toFixed(0),
      ms(r.result.p50),
      ms(r.result.p99),
      ms(r.result.max),
      r.result.cpuUs === undefined ? '—' : r.result.cpuUs.toFixed(0),
      r.floorRps ? `${((100 * r.result.rps) / r.floorRps).toFixed(0)} % of ${r.floorRps.toFixed(0)} req/s` : '—',
      String(r.result.failures),
    ]),
  );
}

export function windowTable(rows: readonly WindowRow[]): string {
  if (rows.length === 0) return '(city windows skipped)';
  return table(
    ['reads of a 20-pairing page while…', 'foreground request', 'solve s', 'reads', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'longest stall ms', 'failed'],
    rows.map((r) => [
      r.name,
      r.request,
      r.seconds === undefined ? '—' : r.seconds.toFixed(1),
      String(r.result.requests),
      r.result.rps.toFixed(0),
      ms(r.result.p50),
      ms(r.result.p99),
      ms(r.result.max),
      ms(r.stallMs),
      String(r.result.failures),
    ]),
  );
}

export interface ResultsSection {
  readonly command: string;
  readonly rounds: number;
  readonly cityRounds: number;
  readonly loadBefore: string;
  readonly loadAfter: string;
  readonly pairings: number;
  readonly scenarios: string;
  readonly windows: string;
  /** Hand-written notes on the numbers (benchmarks/http/NOTES.md: where the CPU goes), after the tables. */
  readonly notes?: string;
  /** An earlier build measured the same way in the same session (its printed tables), for before/after. */
  readonly earlier?: { readonly label: string; readonly output: string };
}

/** The tables and load lines of a benchmark's printed output. */
function tablesOf(output: string): string {
  const blocks: string[][] = [];
  let previousWasTable = false;
  for (const line of output.split('\n')) {
    const isTable = line.startsWith('|');
    if (isTable && !previousWasTable) blocks.push([]);
    if (isTable) blocks.at(-1)!.push(line);
    previousWasTable = isTable;
  }
  const load = output.split('\n').filter((l) => l.startsWith('before:') || l.startsWith('after:'));
  return [...blocks.map((b) => b.join('\n')), load.map((l) => `Machine load ${l}`).join('  \n')].join('\n\n');
}

const START = '<!-- http-bench:start -->';
const END = '<!-- http-bench:end -->';

/** Replaces (or appends) the HTTP section between its markers; other sections stay as they are. */
export function writeResultsSection(file: string, s: ResultsSection): void {
  let text = '# Benchmark results\n';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // A new file.
  }
  const section = [
    START,
    '## HTTP service',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} with \`${s.command}\` (the service built, run as \`node dist/cli/main.js serve --seed-sample\` on a temp SQLite file; autocannon in the benchmark process; both on this shared 2-core machine). Medians of ${s.rounds} rounds (city runs: ${s.cityRounds}). Machine load (uptime): before ${s.loadBefore}; after ${s.loadAfter}.`,
    '',
    `Reads ask for the first page (20) of a ${s.pairings}-pairing run of the Changzhou sample, sorted by value, with an official's API key. The floor is a bare \`node:http\` server answering the same JSON body from memory: no routing, auth, validation or database.`,
    '',
    'Targets (issue 3): reads ≥ 3,000 req/s with p99 < 30 ms; read p99 < 100 ms while a city-sized solve runs in the background. "server CPU µs/req" is the service process\'s CPU time (all threads, from /proc) over the requests served: steadier than req/s when other work shares the two cores, and what bounds req/s on one event loop (1,000,000 / µs per request). "longest stall" is the service\'s own largest event-loop delay in the window (`jiedui_event_loop_delay_max_seconds` on /metrics); on a loaded machine it also counts time the thread waited for a core.',
    '',
    s.scenarios,
    '',
    s.windows,
    ...(s.notes ? ['', s.notes.trim()] : []),
    ...(s.earlier
      ? ['', `### ${s.earlier.label}`, '', 'The same benchmark against the earlier build, in the same session (machine load on its own lines):', '', tablesOf(s.earlier.output)]
      : []),
    END,
  ].join('\n');
  // Every earlier copy goes, also one whose start marker another writer dropped (the heading starts it).
  const earlier = new RegExp(`(?:${START}\\n)?## HTTP service\\n[\\s\\S]*?${END}\\n?`, 'g');
  const at = text.search(earlier);
  const rest = text.replace(earlier, '');
  writeFileSync(file, at >= 0 ? `${rest.slice(0, at)}${section}\n${rest.slice(at)}` : `${rest.trimEnd()}\n\n${section}\n`);
}
