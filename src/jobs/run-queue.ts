/**
 * Background runs: runs answered with 202 wait here and are solved one at a time on the solver
 * (a worker thread), so a city-sized solve never blocks the event loop and never takes every
 * worker from interactive solves. The run's state lives in the store, so progress is visible on
 * GET /v1/runs/:id and a crash leaves evidence that recovery (recover-runs.ts) cleans up.
 */
import type { Logger } from 'pino';
import type { Repositories, Store } from '../store/ports.js';
import { SYSTEM_ACTOR, type RunRecord } from '../store/records.js';
import { prepareRunResult } from './prepared-result.js';
import { savePreparedRunResult } from './run-results.js';
import type { Solver } from './solver.js';

/** Where solve durations go (the metrics registry implements it). */
export interface SolveObserver {
  observeSolve(kind: string, outcome: 'succeeded' | 'failed', seconds: number): void;
}

export interface RunQueueDeps {
  readonly store: Store;
  readonly solver: Solver;
  readonly clock: () => number;
  readonly logger: Logger;
  readonly observer?: SolveObserver;
}

export const SHUTDOWN_ERROR = 'interrupted: the service shut down before this run finished';

export class RunQueue {
  private readonly pending: string[] = [];
  private current: { runId: string; done: Promise<void> } | undefined;
  private accepting = true;

  constructor(private readonly deps: RunQueueDeps) {}

  /** Queues a stored run (status `queued`) for solving. */
  enqueue(runId: string): void {
    if (!this.accepting) throw new Error('jobs/run-queue: shutting down, not accepting runs');
    this.pending.push(runId);
    this.pump();
  }

  /** Runs waiting or running. */
  depth(): number {
    return this.pending.length + (this.current ? 1 : 0);
  }

  /** 0 while running, n when n runs are ahead of it, undefined when not in the queue. */
  position(runId: string): number | undefined {
    if (this.current?.runId === runId) return 0;
    const index = this.pending.indexOf(runId);
    return index < 0 ? undefined : index + (this.current ? 1 : 0);
  }

  /**
   * Stops taking runs, waits up to `graceMs` for the running one, then marks whatever is still
   * queued or running as failed, so no run is left `running` with nobody working on it.
   */
  async shutdown(graceMs: number): Promise<void> {
    this.accepting = false;
    this.pending.splice(0);
    if (this.current) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
      await Promise.race([this.current.done, timeout]);
      clearTimeout(timer);
    }
    const at = this.iso();
    const failed = await this.deps.store.transaction(async (tx) => {
      const ids = await tx.runs.failAll(['queued', 'running'], at, SHUTDOWN_ERROR);
      for (const id of ids) {
        await tx.audit.append({ at, actor: SYSTEM_ACTOR, action: 'run.fail', entityType: 'run', entityId: id, before: null, after: { error: SHUTDOWN_ERROR } });
      }
      return ids;
    });
    if (failed.length > 0) this.deps.logger.warn({ runs: failed }, 'runs interrupted by shutdown');
  }

  private iso(): string {
    return new Date(this.deps.clock()).toISOString();
  }

  private pump(): void {
    if (this.current || !this.accepting) return;
    const runId = this.pending.shift();
    if (runId === undefined) return;
    const done = this.execute(runId)
      .catch((error: unknown) => this.deps.logger.error({ err: error, runId }, 'background run could not be recorded'))
      .finally(() => {
        this.current = undefined;
        this.pump();
      });
    this.current = { runId, done };
  }

  private async execute(runId: string): Promise<void> {
    const { store, solver, logger } = this.deps;
    const run = await store.read.runs.get(runId);
    if (!run || run.status !== 'queued') return;
    await store.transaction((tx) => tx.runs.markRunning(runId, this.iso()));
    const started = performance.now();
    try {
      // The snapshot stays JSON text on this thread: the worker parses it (a city's is megabytes).
      const [json, weights] = await Promise.all([store.read.runs.getInputJson(run.inputHash), store.read.weights.get(run.weightVersion)]);
      if (json === undefined || weights === undefined) throw new Error('jobs/run-queue: run input or weights missing');
      // Prepared for storing in the worker: a big result crossing as objects stalls the event loop.
      const request = { batch: { json }, weights: weights.profile, options: run.options };
      const result = solver.solveForStorage ? await solver.solveForStorage(request) : prepareRunResult(await solver.solve(request));
      // After a shutdown gave up on it (marked failed, store maybe closed), the result is dropped.
      if (!(await this.stillRunning(runId))) return;
      await store.transaction(async (tx) => {
        const summary = await savePreparedRunResult(tx, run, result, this.iso());
        await this.auditFinish(tx, run, { status: 'succeeded', pairings: summary.pairings, totalValue: summary.totalValue });
      });
      this.deps.observer?.observeSolve(run.kind, 'succeeded', (performance.now() - started) / 1000);
      logger.info({ runId, ms: Math.round(performance.now() - started) }, 'background run succeeded');
    } catch (error) {
      if (!(await this.stillRunning(runId))) return;
      this.deps.observer?.observeSolve(run.kind, 'failed', (performance.now() - started) / 1000);
      const message = error instanceof Error ? error.message : String(error);
      logger.error({ err: error, runId }, 'background run failed');
      await store.transaction(async (tx) => {
        await tx.runs.markFailed(runId, this.iso(), message);
        await this.auditFinish(tx, run, { status: 'failed', error: message });
      });
    }
  }

  /** Whether the run is still ours to finish (false once shutdown marked it, or closed the store). */
  private async stillRunning(runId: string): Promise<boolean> {
    try {
      return (await this.deps.store.read.runs.state(runId))?.status === 'running';
    } catch {
      return false;
    }
  }

  private auditFinish(tx: Repositories, run: RunRecord, after: unknown) {
    return tx.audit.append({
      at: this.iso(),
      actor: SYSTEM_ACTOR,
      action: 'run.finish',
      entityType: 'run',
      entityId: run.id,
      before: { status: 'running' },
      after,
    });
  }
}
