/**
 * What the HTTP layer needs from the rest of the service. main.ts builds these; tests build them
 * too (real store on a temp file, real solver), so the app never reaches for globals.
 */
import type { Logger } from 'pino';
import type { Batch } from '../domain/batch-schema.js';
import type { WeightProfile } from '../domain/weights.js';
import type { RunQueue } from '../jobs/run-queue.js';
import type { Solver } from '../jobs/solver.js';
import type { MatchOptions } from '../match/types.js';
import type { Store } from '../store/ports.js';
import type { Metrics } from './metrics.js';

/** Builds the `transport/v1` model a run would solve (src/match/run-matching.ts). */
export type ModelExporter = (batch: Batch, weights: WeightProfile, options: Partial<MatchOptions>) => unknown;

export interface AppSettings {
  readonly bodyLimitBytes: number;
  /** Runs with more pooled needs than this answer 202 and are solved in the background. */
  readonly asyncRunNeeds: number;
  /** Recorded with every run (reproducibility): the package version of the matcher. */
  readonly solverVersion: string;
  /** Folder of the built review console (dist/web), served at `/`; none: no page is served. */
  readonly webRoot?: string;
}

export interface AppDeps {
  readonly store: Store;
  readonly logger: Logger;
  /** Milliseconds since the epoch; every stored timestamp comes from here. */
  readonly clock: () => number;
  readonly solver: Solver;
  readonly runQueue: RunQueue;
  readonly exportModel: ModelExporter;
  readonly metrics: Metrics;
  readonly settings: AppSettings;
}

/** An ISO-8601 timestamp from the app's clock. */
export function nowIso(deps: Pick<AppDeps, 'clock'>): string {
  return new Date(deps.clock()).toISOString();
}
