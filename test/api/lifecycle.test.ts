/**
 * Restart, crash and shutdown: the service is a real `jiedui serve` child process (killed with
 * SIGKILL for the crash) or an in-process service closed gracefully.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorkerSolver } from '../../src/jobs/worker-pool.js';
import type { Solver } from '../../src/jobs/solver.js';
import { SHUTDOWN_ERROR } from '../../src/jobs/run-queue.js';
import { CRASH_ERROR } from '../../src/jobs/recover-runs.js';
import { issueApiKey } from '../../src/api/api-keys.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { ROLES, SYSTEM_ACTOR, type Role } from '../../src/store/records.js';
import { exampleBatch, expectProblem, send, startTestService, tempDir, verifiedBatch, waitForRun, type TestService } from './harness.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Starts `jiedui serve` on a file and resolves with its URL once it listens. */
function serve(dbFile: string, env: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0', '--host', '127.0.0.1', '--db', dbFile], {
    cwd: ROOT,
    env: { ...process.env, JIEDUI_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const match = /serving on (http:\/\/[\d.]+:\d+)/.exec(err);
      if (match) resolve({ child, url: match[1]! });
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.on('exit', resolve)));

async function keysFor(dbFile: string): Promise<Record<Role, string>> {
  const store = openSqliteStore(dbFile);
  const keys = {} as Record<Role, string>;
  for (const role of ROLES) {
    keys[role] = (await store.transaction((tx) => issueApiKey(tx, { role, name: role, at: new Date().toISOString(), by: SYSTEM_ACTOR }))).secret;
  }
  await store.close();
  return keys;
}

describe('a real process', () => {
  it('keeps everything across a restart, and marks a run cut off by a crash as failed', async () => {
    const dbFile = join(tempDir(), 'nested', 'jiedui.db');
    const keys = await keysFor(dbFile);
    const first = await serve(dbFile, { JIEDUI_SEED_SAMPLE: '1' });
    const get = (url: string, path: string) => send<any>(url, keys, 'GET', path);
    const batches = (await get(first.url, '/v1/batches')).body.items;
    expect(batches).toHaveLength(1);
    const batchId = batches[0].id;
    const small = await send<any>(first.url, keys, 'POST', '/v1/batches?verified=true', { as: 'official', body: exampleBatch() });
    const run = await send<any>(first.url, keys, 'POST', '/v1/runs', { as: 'official', body: { batchIds: [small.body.id] } });
    const pairing = run.body.pairings.items[0];
    await send(first.url, keys, 'POST', `/v1/pairings/${pairing.id}/decision`, { as: 'official', body: { decision: 'approve', version: 1 } });
    // The 800-need sample, queued: the process dies while it is being solved.
    const big = await send<any>(first.url, keys, 'POST', '/v1/runs', { as: 'official', body: { batchIds: [batchId], background: true } });
    expect(big.status).toBe(202);
    first.child.kill('SIGKILL');
    await exited(first.child);

    const second = await serve(dbFile, { JIEDUI_SEED_SAMPLE: '1' });
    const crashed = await get(second.url, `/v1/runs/${big.body.run.id}`);
    expect(crashed.body).toMatchObject({ status: 'failed', error: CRASH_ERROR });
    expect((await get(second.url, `/v1/pairings/${pairing.id}`)).body).toMatchObject({ status: 'approved', version: 2 });
    expect((await get(second.url, `/v1/runs/${run.body.run.id}/pairings?limit=1`)).body.total).toBe(run.body.pairings.total);
    // Both batches are there, and the sample was not loaded a second time.
    expect((await get(second.url, '/v1/batches')).body.total).toBe(2);
    const audit = await get(second.url, `/v1/audit?entityType=run&entityId=${big.body.run.id}`);
    expect(audit.body.items.map((e: any) => e.action)).toEqual(['run.fail', 'run.create']);
    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);
  }, 60_000);
});

/** The real worker solver, held back until `release()`: a solve that is still in progress. */
function gatedSolver(): Solver & { release(): void } {
  const inner = createWorkerSolver(1);
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  return {
    solve: async (request) => {
      await gate;
      return inner.solve(request);
    },
    waiting: () => inner.waiting(),
    close: () => inner.close(),
    release: () => open(),
  };
}

async function waitForStatus(t: TestService, runId: string, status: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await t.request('GET', `/v1/runs/${runId}`)).body.status === status) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`run ${runId} never became ${status}`);
}

describe('graceful shutdown', () => {
  it('marks a run that outlives the grace period failed, and it stays failed after a restart', async () => {
    const solver = gatedSolver();
    const t = await startTestService({ config: { shutdownGraceMs: 50 }, service: { solver } });
    const batchId = await verifiedBatch(t);
    const queued = await t.request('POST', '/v1/runs', { as: 'official', body: { batchIds: [batchId], background: true } });
    await waitForStatus(t, queued.body.run.id, 'running');
    expectProblem(await t.request('POST', `/v1/runs/${queued.body.run.id}/resolve`, { as: 'official', body: {} }), 409);
    await t.stop();
    solver.release();
    const again = await startTestService({ dir: t.dir, keys: t.keys });
    expect((await again.request('GET', `/v1/runs/${queued.body.run.id}`)).body).toMatchObject({ status: 'failed', error: SHUTDOWN_ERROR });
    await again.cleanup();
  });

  it('lets a run finish when it does so within the grace period', async () => {
    const solver = gatedSolver();
    const t = await startTestService({ config: { shutdownGraceMs: 20_000 }, service: { solver } });
    const batchId = await verifiedBatch(t);
    const queued = await t.request('POST', '/v1/runs', { as: 'official', body: { batchIds: [batchId], background: true } });
    await waitForStatus(t, queued.body.run.id, 'running');
    const stopping = t.stop();
    setTimeout(() => solver.release(), 100);
    await stopping;
    const again = await startTestService({ dir: t.dir, keys: t.keys });
    const run = await waitForRun(again, queued.body.run.id);
    expect(run.status).toBe('succeeded');
    expect((await again.request('GET', `/v1/runs/${run.id}/pairings`)).body.total).toBe(run.totals.pairings);
    await again.cleanup();
  });
});
