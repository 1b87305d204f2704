/**
 * HTTP benchmark of the pairing service (issue 3): the built service (`node dist/cli/main.js serve`)
 * runs as a child process on a free loopback port with a temp database and the Changzhou-sized
 * sample (pre-verified); autocannon measures reads of pairings, decisions and POST /v1/runs, next
 * to a bare `node:http` server answering the same JSON body from memory (the floor). Then a
 * `city`-sized batch is uploaded and solved in the background while reads go on, and the reads'
 * latency during both is reported (solves and uploads must not block the event loop).
 *
 *   node --import tsx benchmarks/http-bench.ts [--duration 10] [--connections 10] [--rounds 3]
 *        [--city-rounds 2] [--no-build] [--no-city] [--profile DIR] [--service-root DIR]
 *        [--only floor,reads,filtered,decisions,runs] [--write [--earlier FILE --earlier-label TEXT]]
 *
 * `--profile DIR` starts the service with `--cpu-prof` into DIR (for finding what blocks).
 * `--only LIST` runs just those scenarios (say, `--only reads --no-city` to profile the reads alone).
 * `--service-root DIR` runs the service built in another checkout (say, an earlier commit, for a
 * before/after table measured under the same load); it is not built, and `--write` is refused.
 * Numbers are medians over the rounds. `--write` replaces the HTTP section of benchmarks/RESULTS.md
 * (with benchmarks/http/NOTES.md after the tables, when it exists).
 * All traffic goes to 127.0.0.1; every load is bounded by a duration, a request count or a run.
 */
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { batchToJson, generateBatch } from '../src/generate/index.js';
import { allPairings, apiClient, expectStatus, longestStallMs, waitForRun, type Api } from './http/api.js';
import { startFloorServer } from './http/floor-process.js';
import { median, medianResult, runLoad, startLoad, type LoadResult } from './http/load.js';
import { writeResultsSection, scenarioTable, windowTable, type ScenarioRow, type WindowRow } from './http/report.js';
import { createKey, startServiceProcess } from './http/service-process.js';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Notes written into the results after the tables (what a profile of the service showed). */
const NOTES = join(root, 'benchmarks/http/NOTES.md');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const flag = (name: string) => process.argv.includes(`--${name}`);
const SCENARIOS = ['floor', 'reads', 'filtered', 'decisions', 'runs'] as const;
const only = arg('only', SCENARIOS.join(',')).split(',');
for (const name of only) if (!(SCENARIOS as readonly string[]).includes(name)) throw new Error(`bench: unknown scenario "${name}" (one of ${SCENARIOS.join(', ')})`);
const runs = (name: (typeof SCENARIOS)[number]) => only.includes(name);
const duration = Number(arg('duration', '10'));
const connections = Number(arg('connections', '10'));
const rounds = Number(arg('rounds', '3'));
const cityRounds = Number(arg('city-rounds', '2'));
const log = (line: string) => process.stderr.write(`${line}\n`);
const load = () => execSync('uptime', { encoding: 'utf8' }).trim().replace(/^.*load average/, 'load average');

const serviceRoot = arg('service-root', root);
if (serviceRoot !== root && flag('write')) throw new Error('bench: --write records this checkout only');
if (flag('write') && only.length < SCENARIOS.length) throw new Error('bench: --write records every scenario (drop --only)');
if (!flag('no-build') && serviceRoot === root) {
  log('building (npm run build)…');
  const built = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`bench: build failed:\n${built.stdout}${built.stderr}`);
}

const loadBefore = load();
const dir = mkdtempSync(join(tmpdir(), 'jiedui-http-bench-'));
const dbFile = join(dir, 'jiedui.db');
const profileDir = arg('profile', '');
const service = await startServiceProcess(serviceRoot, {
  dbFile,
  seedSample: true,
  ...(profileDir ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] } : {}),
});
const stopAll: (() => Promise<void>)[] = [() => service.stop()];
try {
  const official = createKey(serviceRoot, dbFile, 'official');
  const api = apiClient(service.url, official);
  const auth = { authorization: `Bearer ${official}` };
  const sampleBatch = expectStatus(await api('GET', '/v1/batches?limit=1'), 200, 'list batches').body.items[0].id as string;
  const runBody = JSON.stringify({ batchIds: [sampleBatch] });
  const newRun = async () => expectStatus(await api('POST', '/v1/runs', runBody), 201, 'POST /v1/runs (sample)').body.run.id as string;

  const readRun = await newRun();
  const readPath = `/v1/runs/${readRun}/pairings?limit=20`;
  const firstPage = expectStatus(await api('GET', readPath), 200, 'read pairings');
  const top = firstPage.body.items[0] as { district: string; category: string };
  const filteredPath = `/v1/runs/${readRun}/pairings?district=${encodeURIComponent(top.district)}&category=${top.category}&status=proposed&limit=20`;
  const filteredTotal = expectStatus(await api('GET', filteredPath), 200, 'filtered read').body.total as number;
  const bodyFile = join(dir, 'page.json');
  writeFileSync(bodyFile, firstPage.text);
  const floor = await startFloorServer(root, bodyFile);
  stopAll.push(() => floor.stop());
  log(`service ${service.url}, floor ${floor.url}; run ${readRun}: ${firstPage.body.total} pairings, filtered ${filteredTotal}`);

  const laps: Record<string, LoadResult[]> = {};
  const lap = (name: string, result: LoadResult) => {
    (laps[name] ??= []).push(result);
    log(`  ${name}: ${result.rps.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, CPU ${result.cpuUs?.toFixed(0)} µs/req, failures ${result.failures}`);
  };
  for (let round = 1; round <= rounds; round++) {
    log(`round ${round}/${rounds} (${load()})`);
    if (runs('floor')) lap('floor', await runLoad({ url: floor.url, connections, duration, cpuMs: floor.cpuMs }));
    if (runs('reads')) lap('reads', await runLoad({ url: `${service.url}${readPath}`, connections, duration, headers: auth, cpuMs: service.cpuMs }));
    if (runs('filtered')) lap('filtered', await runLoad({ url: `${service.url}${filteredPath}`, connections, duration, headers: auth, cpuMs: service.cpuMs }));
    if (runs('decisions')) lap('decisions', await decisions(api, service.url, auth, await newRun(), service.cpuMs));
    if (runs('runs')) lap('runs', await runLoad({ url: `${service.url}/v1/runs`, connections: 2, duration, method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: runBody, cpuMs: service.cpuMs }));
  }

  const floorRps = laps['floor'] ? medianResult(laps['floor']).rps : undefined;
  const row = (lapName: string, name: string, conn: number, vsFloor: boolean): ScenarioRow[] =>
    laps[lapName] ? [{ name, connections: conn, result: medianResult(laps[lapName]), floorRps: vsFloor ? floorRps : undefined }] : [];
  const scenarios: ScenarioRow[] = [
    ...row('floor', 'floor: bare node:http, same body from memory', connections, false),
    ...row('reads', `GET ${readPath.replace(readRun, ':id')}`, connections, true),
    ...row('filtered', 'GET …/pairings?district&category&status&limit=20', connections, true),
    ...row('decisions', 'POST /v1/pairings/:id/decision (approve each once)', connections, false),
    ...row('runs', 'POST /v1/runs (Changzhou sample, solved, 201)', 2, false),
  ];
  const windows = flag('no-city') ? [] : await cityWindows(api, service.url, auth, readPath);
  const loadAfter = load();
  const tables = { scenarios: scenarioTable(scenarios), windows: windowTable(windows) };
  console.log(`\n${tables.scenarios}\n\n${tables.windows}\n\nbefore: ${loadBefore}\nafter:  ${loadAfter}`);
  if (flag('write')) {
    writeResultsSection(join(root, 'benchmarks/RESULTS.md'), {
      // As it was run (--no-build, --earlier and all), with the defaults spelled out.
      command: `node --import tsx benchmarks/http-bench.ts --duration ${duration} --connections ${connections} --rounds ${rounds} --city-rounds ${cityRounds} ${process.argv.slice(2).filter((a, i, all) => !['--duration', '--connections', '--rounds', '--city-rounds'].includes(a) && !['--duration', '--connections', '--rounds', '--city-rounds'].includes(all[i - 1] ?? '')).join(' ')}`,
      rounds,
      cityRounds,
      loadBefore,
      loadAfter,
      pairings: firstPage.body.total as number,
      ...tables,
      ...(existsSync(NOTES) ? { notes: readFileSync(NOTES, 'utf8') } : {}),
      ...(arg('earlier', '') ? { earlier: { label: arg('earlier-label', 'Earlier build'), output: readFileSync(arg('earlier', ''), 'utf8') } } : {}),
    });
  }
} finally {
  for (const stop of stopAll.reverse()) await stop();
  rmSync(dir, { recursive: true, force: true });
}

/** Approves every pairing of a fresh run once, with its current version; each must answer 200. */
async function decisions(api: Api, url: string, auth: Record<string, string>, runId: string, cpuMs: () => number): Promise<LoadResult> {
  const pairings = await allPairings(api, runId);
  let next = 0;
  return runLoad({
    url,
    connections,
    amount: pairings.length,
    cpuMs,
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    setupRequest: (request) => {
      const p = pairings[next++ % pairings.length]!;
      return { ...request, path: `/v1/pairings/${p.id}/decision`, body: JSON.stringify({ decision: 'approve', version: p.version }) };
    },
  });
}

/**
 * Reads (the plain page) while a city-sized batch is uploaded, then while each city run is
 * submitted (202) and solved in the background, until it has finished.
 */
async function cityWindows(api: Api, url: string, auth: Record<string, string>, readPath: string): Promise<WindowRow[]> {
  log('generating the city batch…');
  const cityText = batchToJson(generateBatch('city', 1));
  const reads = () => startLoad({ url: `${url}${readPath}`, connections, headers: auth, maxSeconds: 600 });
  const rows: WindowRow[] = [];

  await longestStallMs(url); // starts the service's measure over
  let during = reads();
  await new Promise((resolve) => setTimeout(resolve, 1_000)); // reads under way before the upload
  const upload = expectStatus(await api('POST', '/v1/batches?verified=true', cityText), 201, 'POST /v1/batches (city)');
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const uploadReads = await during.stop();
  rows.push({
    name: `upload of the city batch (${(cityText.length / 1e6).toFixed(1)} MB, pre-verified)`,
    request: `POST /v1/batches ${upload.ms.toFixed(0)} ms`,
    seconds: undefined,
    result: uploadReads,
    stallMs: await longestStallMs(url),
  });
  log(`  city upload: ${upload.ms.toFixed(0)} ms, reads p99 ${uploadReads.p99} ms, longest stall ${rows[0]!.stallMs.toFixed(0)} ms`);

  const cityBody = JSON.stringify({ batchIds: [upload.body.id as string] });
  const solves: LoadResult[] = [];
  const submits: number[] = [];
  const elapsed: number[] = [];
  const stalls: number[] = [];
  for (let round = 1; round <= cityRounds; round++) {
    await longestStallMs(url);
    during = reads();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const submitted = expectStatus(await api('POST', '/v1/runs', cityBody), 202, 'POST /v1/runs (city)');
    const run = await waitForRun(api, submitted.body.run.id as string, 600_000);
    if (run.status !== 'succeeded') throw new Error(`bench: city run ${run.id} ${run.status}: ${run.error}`);
    solves.push(await during.stop());
    stalls.push(await longestStallMs(url));
    submits.push(submitted.ms);
    elapsed.push((run.progress.elapsedMs as number) / 1000);
    log(`  city run ${round}: submit ${submitted.ms.toFixed(0)} ms, solved in ${run.progress.elapsedMs} ms, ${run.totals.pairings} pairings, reads p99 ${solves.at(-1)!.p99} ms, longest stall ${stalls.at(-1)!.toFixed(0)} ms (${load()})`);
  }
  rows.push({
    name: 'city run: submitted (202), solved in the background, result stored',
    request: `POST /v1/runs ${median(submits).toFixed(0)} ms`,
    seconds: median(elapsed),
    result: medianResult(solves),
    stallMs: median(stalls),
  });
  return rows;
}
