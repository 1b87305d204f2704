/**
 * The intake port: CPU-heavy preparation of request data (batch uploads, run input snapshots).
 * The worker implementation keeps it off the event loop, so reads keep being answered while a
 * city-sized batch is validated or hashed; the inline one runs the same pure functions on the
 * calling thread (tools, tests that want no threads).
 */
import { prepareSnapshot, prepareStoredSnapshot, type PreparedSnapshot, type SnapshotOutcome, type SnapshotPartJson } from './prepare-snapshot.js';
import { prepareUpload, type UploadOutcome, type UploadRequest } from './prepare-upload.js';
import { exportModelJson } from './export-model.js';
import { deserializeSolveError, type SerializedSolveError, type SolveRequest } from './solver.js';
import { createTaskPool } from './task-pool.js';

export interface Intake {
  /** Parses, validates and prepares an uploaded batch. */
  upload(request: UploadRequest): Promise<UploadOutcome>;
  /** Merges stored batches into a run's input snapshot and hashes it. */
  snapshot(parts: readonly SnapshotPartJson[]): Promise<SnapshotOutcome>;
  /** A stored snapshot, re-hashed from its text. */
  storedSnapshot(json: string): Promise<PreparedSnapshot>;
  /** The `transport/v1` model a run solves, as JSON text (candidates and scoring: seconds for a city). */
  model(request: SolveRequest): Promise<string>;
  close(): Promise<void>;
}

export type IntakeTask =
  | { readonly kind: 'upload'; readonly request: UploadRequest }
  | { readonly kind: 'snapshot'; readonly parts: readonly SnapshotPartJson[] }
  | { readonly kind: 'stored-snapshot'; readonly json: string }
  | { readonly kind: 'model'; readonly request: SolveRequest };

/** The intake on `size` worker threads (intake-worker.ts), started on first use. */
export function createWorkerIntake(size = 1): Intake {
  const pool = createTaskPool<IntakeTask, unknown>(size, 'intake-worker', (e) => deserializeSolveError(e as SerializedSolveError), 'jobs/intake');
  return {
    upload: (request) => pool.run({ kind: 'upload', request }) as Promise<UploadOutcome>,
    snapshot: (parts) => pool.run({ kind: 'snapshot', parts }) as Promise<SnapshotOutcome>,
    storedSnapshot: (json) => pool.run({ kind: 'stored-snapshot', json }) as Promise<PreparedSnapshot>,
    model: (request) => pool.run({ kind: 'model', request }) as Promise<string>,
    close: () => pool.close(),
  };
}

/** The intake on the calling thread (blocks it while it works). */
export function createInlineIntake(): Intake {
  return {
    upload: async (request) => prepareUpload(request),
    snapshot: async (parts) => prepareSnapshot(parts),
    storedSnapshot: async (json) => prepareStoredSnapshot(json),
    model: async (request) => exportModelJson(request),
    async close() {},
  };
}
