/**
 * Starting runs: assemble the input snapshot, pick the weight profile, then either solve now (small
 * runs: 201 with the result) or store the run `queued` for the background queue (large runs: 202).
 * The solve itself always happens on the solver (a worker thread), never on the event loop.
 */
import type { PreparedSnapshot, SnapshotPartJson } from '../jobs/prepare-snapshot.js';
import { saveRunResult } from '../jobs/run-results.js';
import type { MatchResult } from '../match/types.js';
import type { Actor, RunKind, RunOptions, RunRecord, WeightProfileRecord } from '../store/records.js';
import { newId } from './api-keys.js';
import { recordAudit } from './audit-log.js';
import { nowIso, type AppDeps } from './deps.js';
import { problemErrors, problems } from './problem.js';

/**
 * Loads the batches (as JSON text) and has the intake worker merge their verified needs into one
 * snapshot and hash it; 404/422 when it cannot. Megabytes of parsing and hashing for a city, so
 * none of it happens on the event loop.
 */
export async function assembleSnapshot(deps: AppDeps, batchIds: readonly string[]): Promise<PreparedSnapshot> {
  const parts: SnapshotPartJson[] = [];
  const missing: string[] = [];
  for (const batchId of batchIds) {
    const contentJson = await deps.store.read.batches.contentJson(batchId);
    if (contentJson === undefined) missing.push(batchId);
    else parts.push({ batchId, contentJson, verifiedNeedsJson: await deps.store.read.needs.inStatusJson([batchId], 'verified') });
  }
  if (missing.length > 0) throw problems.notFound(`no batch ${missing.join(', ')}`);
  const assembled = await deps.intake.snapshot(parts);
  if (!assembled.ok) throw problems.invalidInput(problemErrors(assembled.issues, 'body'), 'these batches cannot be solved together');
  if (assembled.snapshot.needs === 0) {
    throw problems.invalidInput(
      problemErrors([{ path: ['batchIds'], code: 'no_verified_needs', message: 'these batches have no verified needs to pair', hint: 'verify needs first (POST /v1/batches/{id}/verifications)' }], 'body'),
    );
  }
  return assembled.snapshot;
}

/** A stored run's input snapshot, re-hashed by the intake worker (replays and re-solves). */
export async function storedSnapshot(deps: AppDeps, run: Pick<RunRecord, 'id' | 'inputHash'>): Promise<PreparedSnapshot> {
  const json = await deps.store.read.runs.getInputJson(run.inputHash);
  if (json === undefined) throw new Error(`api/run-service: input snapshot of ${run.id} is missing`);
  return deps.intake.storedSnapshot(json);
}

/** The named weight profile version, or the default one. */
export async function weightsFor(deps: AppDeps, version: number | undefined, field = 'weightProfile'): Promise<WeightProfileRecord> {
  const chosen = version ?? (await deps.store.read.weights.defaultVersion());
  const record = chosen === undefined ? undefined : await deps.store.read.weights.get(chosen);
  if (!record) {
    throw problems.invalidInput(problemErrors([{ path: [field], code: 'not_found', message: `no weight profile version ${chosen}` }], 'body'));
  }
  return record;
}

export interface RunSpec {
  readonly kind: RunKind;
  readonly batchIds: readonly string[];
  readonly snapshot: PreparedSnapshot;
  readonly weights: WeightProfileRecord;
  readonly options: RunOptions;
  readonly parentRunId: string | null;
  /** Queue it even when small. */
  readonly background: boolean;
}

export interface StartedRun {
  readonly run: RunRecord;
  /** The result when solved now; undefined when queued. */
  readonly result: MatchResult | undefined;
}

/** Solves on the solver, timing it for the metrics. Failures are not stored (the request fails). */
export async function solveNow(deps: AppDeps, kind: string, snapshot: PreparedSnapshot, weights: WeightProfileRecord, options: RunOptions): Promise<MatchResult> {
  const started = performance.now();
  try {
    const result = await deps.solver.solve({ batch: { json: snapshot.json }, weights: weights.profile, options });
    deps.metrics.observeSolve(kind, 'succeeded', (performance.now() - started) / 1000);
    return result;
  } catch (error) {
    deps.metrics.observeSolve(kind, 'failed', (performance.now() - started) / 1000);
    throw error;
  }
}

function newRunBase(deps: AppDeps, actor: Actor, spec: RunSpec) {
  return {
    id: newId('run'), kind: spec.kind, batchIds: spec.batchIds, weightVersion: spec.weights.version, options: spec.options,
    inputHash: spec.snapshot.hash, solverVersion: deps.settings.solverVersion, parentRunId: spec.parentRunId, createdBy: actor.keyId,
  };
}

const auditAction = (kind: RunKind) => `run.${kind === 'solve' ? 'create' : kind}`;

/** Stores a run solved already (its input, record, pairings, unmet needs, audit) in one transaction. */
export async function recordSolvedRun(deps: AppDeps, actor: Actor, spec: RunSpec, result: MatchResult, startedAt: string): Promise<RunRecord> {
  const base = newRunBase(deps, actor, spec);
  const at = nowIso(deps);
  return deps.store.transaction(async (tx) => {
    await tx.runs.putInputJson(base.inputHash, spec.snapshot.json, at);
    await tx.runs.insert({ ...base, status: 'running', createdAt: startedAt });
    await tx.runs.markRunning(base.id, startedAt);
    const summary = await saveRunResult(tx, base, result, at);
    await recordAudit(tx, actor, at, {
      action: auditAction(spec.kind), entityType: 'run', entityId: base.id,
      after: {
        status: 'succeeded', batchIds: spec.batchIds, weightVersion: spec.weights.version, inputHash: base.inputHash,
        parentRunId: spec.parentRunId, pairings: summary.pairings, totalValue: summary.totalValue,
      },
    });
    return (await tx.runs.get(base.id))!;
  });
}

/** Stores the run `queued` and hands it to the background queue. */
async function queueRun(deps: AppDeps, actor: Actor, spec: RunSpec): Promise<RunRecord> {
  const base = newRunBase(deps, actor, spec);
  const at = nowIso(deps);
  await deps.store.transaction(async (tx) => {
    await tx.runs.putInputJson(base.inputHash, spec.snapshot.json, at);
    await tx.runs.insert({ ...base, status: 'queued', createdAt: at });
    await recordAudit(tx, actor, at, {
      action: auditAction(spec.kind), entityType: 'run', entityId: base.id,
      after: { status: 'queued', batchIds: spec.batchIds, weightVersion: spec.weights.version, inputHash: base.inputHash, parentRunId: spec.parentRunId },
    });
  });
  deps.runQueue.enqueue(base.id);
  return (await deps.store.read.runs.get(base.id))!;
}

/** Solves now and stores the result, or queues the run when it is large or asked to. */
export async function startRun(deps: AppDeps, actor: Actor, spec: RunSpec): Promise<StartedRun> {
  if (spec.background || spec.snapshot.needs > deps.settings.asyncRunNeeds) {
    return { run: await queueRun(deps, actor, spec), result: undefined };
  }
  const startedAt = nowIso(deps);
  const result = await solveNow(deps, spec.kind, spec.snapshot, spec.weights, spec.options);
  return { run: await recordSolvedRun(deps, actor, spec, result, startedAt), result };
}

export async function runOr404(deps: AppDeps, id: string): Promise<RunRecord> {
  const run = await deps.store.read.runs.get(id);
  if (!run) throw problems.notFound(`no run ${id}`);
  return run;
}

/** The run's state, or 404; 409 unless it succeeded (for routes that read its results). */
export async function requireSucceededRun(deps: AppDeps, id: string): Promise<void> {
  const state = await deps.store.read.runs.state(id);
  if (!state) throw problems.notFound(`no run ${id}`);
  requireSucceeded(state);
}

export function requireSucceeded(run: Pick<RunRecord, 'id' | 'status' | 'error'>): void {
  if (run.status !== 'succeeded') {
    throw problems.conflict('run-not-finished', `run ${run.id} is ${run.status}`, { runStatus: run.status, ...(run.error ? { runError: run.error } : {}) });
  }
}
