/**
 * What the HTTP layer needs from the rest of the service. main.ts builds these; tests build them
 * too (real store on a temp file, real solver), so the app never reaches for globals.
 */
import type { Logger } from 'pino';
import type { Intake } from '../jobs/intake.js';
import type { RunQueue } from '../jobs/run-queue.js';
import type { Solver } from '../jobs/solver.js';
import type { Store } from '../store/ports.js';
import type { Metrics } from './metrics.js';

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
  /** Parses, validates and hashes big request data off the event loop (jobs/intake.ts). */
  readonly intake: Intake;
  readonly runQueue: RunQueue;
  readonly metrics: Metrics;
  readonly settings: AppSettings;
}

/** An ISO-8601 timestamp from the app's clock. */
export function nowIso(deps: Pick<AppDeps, 'clock'>): string {
  return new Date(deps.clock()).toISOString();
}
