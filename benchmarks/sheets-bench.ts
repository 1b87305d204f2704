/**
 * Spreadsheet benchmark: a city-sized batch with exactly 10,000 need rows (the `city` family,
 * seed 1, padded with copies under new ids), 1,000 communities and 2,000 offers, imported from
 * one .xlsx workbook, from UTF-8 CSV files and from GB18030 CSV files; the .xlsx time split into
 * exceljs reading the workbook and our work (identify, parse cells, intake); and writing the
 * same batch as a workbook. Median of several in-process runs after a warm-up.
 *
 *   node --import tsx benchmarks/sheets-bench.ts [--runs 5] [--write]
 *
 * `--write` replaces (or appends) the "Spreadsheets" section of benchmarks/RESULTS.md.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';
import { BatchSchema, type Batch } from '../src/domain/batch-schema.js';
import { generateBatch } from '../src/generate/index.js';
import { batchFiles, importSheets, type SheetFile } from '../src/sheets/index.js';
import { collectSources } from '../src/sheets/read/collect-sources.js';
import { readSheetFiles } from '../src/sheets/read/read-files.js';
import { sectionTable } from '../src/sheets/write/batch-tables.js';
import { csvBytes } from '../src/sheets/write/write-csv.js';
import { NEED_SECTION, OFFER_SECTION, COMMUNITY_SECTION } from '../src/sheets/columns/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const runs = Number(arg('runs', '5'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const NEED_ROWS = 10_000;

/** The city batch with its needs padded (copies under new ids) to exactly 10,000. */
function benchBatch(): Batch {
  const batch = BatchSchema.parse(generateBatch('city', 1));
  const needs = [...batch.needs];
  for (let i = 0; needs.length < NEED_ROWS; i += 1) needs.push({ ...batch.needs[i % batch.needs.length]!, id: `PAD${String(i).padStart(5, '0')}` });
  return { ...batch, needs: needs.slice(0, NEED_ROWS), previousPairings: [] };
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Wall time, and CPU time of this process (the machine is shared: CPU time shows our own cost). */
async function time(fn: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const [wall, cpu] = [performance.now(), cpuMs()];
  await fn();
  return { wall: performance.now() - wall, cpu: cpuMs() - cpu };
}

interface Measured {
  readonly name: string;
  readonly ms: number;
  readonly cpu: number;
  readonly all: number[];
}

async function measure(name: string, fn: () => Promise<unknown>): Promise<Measured> {
  await fn(); // warm-up: module loading and JIT are not what a planner waits for twice
  const all: Array<{ wall: number; cpu: number }> = [];
  for (let i = 0; i < runs; i += 1) all.push(await time(fn));
  return { name, ms: median(all.map((a) => a.wall)), cpu: median(all.map((a) => a.cpu)), all: all.map((a) => a.wall) };
}

async function expectOk(files: SheetFile[]): Promise<void> {
  const r = await importSheets(files);
  if (!r.ok) throw new Error(`sheets-bench: import failed: ${r.issues.slice(0, 3).map((i) => i.message).join('; ')}`);
  if (r.batch.needs.length !== NEED_ROWS) throw new Error('sheets-bench: wrong row count');
}

async function main(): Promise<void> {
  const batch = benchBatch();
  const [xlsx] = await batchFiles(batch, 'zh', 'city');
  const xlsxFile: SheetFile = { name: 'city.xlsx', bytes: xlsx!.bytes };
  const sections = [COMMUNITY_SECTION, NEED_SECTION, OFFER_SECTION] as const;
  const records = [batch.communities, batch.needs, batch.offers] as ReadonlyArray<ReadonlyArray<Record<string, unknown>>>;
  const csv = (encoding: 'utf-8-bom' | 'gb18030'): SheetFile[] =>
    sections.map((s, i) => ({ name: `city-${s.fileStem}.csv`, bytes: csvBytes(sectionTable(s, records[i]!, 'zh'), encoding) }));
  const utf8 = csv('utf-8-bom');
  const gb = csv('gb18030');
  const rows = batch.needs.length + batch.communities.length + batch.offers.length;

  const results = [
    await measure('import .xlsx (one workbook, 3 sheets)', () => expectOk([xlsxFile])),
    await measure('  of which: exceljs reads the workbook', () => readSheetFiles([xlsxFile])),
    await measure('import .csv UTF-8 with BOM (3 files)', () => expectOk(utf8)),
    await measure('import .csv GB18030 (3 files)', () => expectOk(gb)),
    await measure('write .xlsx (same batch)', () => batchFiles(batch, 'zh', 'city')),
  ];
  const read = await readSheetFiles([xlsxFile]);
  results.splice(2, 0, await measure('  of which: identify + parse cells', async () => collectSources(read)));

  const sizes = `xlsx ${(xlsxFile.bytes.length / 1e6).toFixed(2)} MB, csv ${(utf8.reduce((s, f) => s + f.bytes.length, 0) / 1e6).toFixed(2)} MB`;
  const lines = [
    `${NEED_ROWS.toLocaleString('en-US')} need rows + ${batch.communities.length.toLocaleString('en-US')} communities + ${batch.offers.length.toLocaleString('en-US')} offers = ${rows.toLocaleString('en-US')} rows (${sizes}); median of ${runs} runs after a warm-up, Node ${process.version}, ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} at the end (the machine is shared; CPU time is this process's own).`,
    '',
    '| step | median wall | median CPU | runs, wall (ms) |',
    '| --- | ---: | ---: | --- |',
    ...results.map((r) => `| ${r.name} | ${(r.ms / 1000).toFixed(2)} s | ${(r.cpu / 1000).toFixed(2)} s | ${r.all.map((x) => x.toFixed(0)).join(', ')} |`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (process.argv.includes('--write')) writeSection(lines);
}

function writeSection(lines: readonly string[]): void {
  const path = `${root}benchmarks/RESULTS.md`;
  const section = [
    '## Spreadsheets',
    '',
    'Import of planners\' sheets (exceljs for .xlsx, csv-parse + iconv-lite for .csv) through the same intake as JSON;',
    'the target is a 10,000-row sheet in under 5 s. `node --import tsx benchmarks/sheets-bench.ts --runs 5 --write`',
    '',
    ...lines,
    '',
  ].join('\n');
  const old = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmark results\n';
  const start = old.indexOf('## Spreadsheets');
  const end = start < 0 ? -1 : old.indexOf('\n## ', start + 1);
  const next = start < 0 ? `${old.trimEnd()}\n\n${section}` : `${old.slice(0, start)}${section}${end < 0 ? '' : old.slice(end + 1)}`;
  writeFileSync(path, next);
}

await main();
