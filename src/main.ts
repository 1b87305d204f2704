/**
 * Composition root: the only place that wires config, store, solver, queue and HTTP together.
 * `jiedui serve` calls `startService`; so do the API tests (on a temp database, port 0).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { pino, type Logger } from 'pino';
import { contentHash } from './api/canonical-hash.js';
import { createApp } from './api/app.js';
import { storeBatch } from './api/batch-service.js';
import type { AppDeps } from './api/deps.js';
import { Metrics } from './api/metrics.js';
import type { Config } from './config.js';
import { defaultWeightProfile } from './domain/weights.js';
import { parseBatch } from './intake/load-batch.js';
import { createWorkerIntake, type Intake } from './jobs/intake.js';
import { prepareBatch } from './jobs/prepare-batch.js';
import { recoverInterruptedRuns } from './jobs/recover-runs.js';
import { RunQueue } from './jobs/run-queue.js';
import type { Solver } from './jobs/solver.js';
import { createWorkerSolver } from './jobs/worker-pool.js';
import type { Store } from './store/ports.js';
import { SYSTEM_ACTOR } from './store/records.js';
import { seedDefaultWeights } from './store/seed.js';
import { openSqliteStore } from './store/sqlite/sqlite-store.js';

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
/** Recorded with every run: runs are reproducible against the same solver version. */
export const SOLVER_VERSION = `jiedui@${packageJson.version}`;
/** The batch `--seed-sample` loads. */
export const SAMPLE_BATCH_FILE = new URL('../data/sample-changzhou.json', import.meta.url);
/** The review console as `npm run build` leaves it (the same folder from src/ under tsx and from dist/). */
export const WEB_CONSOLE_DIR = fileURLToPath(new URL('../dist/web/', import.meta.url));

export interface Service {
  readonly url: string;
  readonly port: number;
  readonly deps: AppDeps;
  /** Stops accepting requests, lets the running solve finish (up to the grace period), closes all. */
  close(): Promise<void>;
}

export interface ServiceOptions {
  readonly logger?: Logger;
  readonly clock?: () => number;
  /** Defaults to a worker-thread pool of `config.solveWorkers`. */
  readonly solver?: Solver;
  /** Defaults to one worker thread (uploads and run snapshots are prepared off the event loop). */
  readonly intake?: Intake;
  /** Folder of the built review console served at `/` (default WEB_CONSOLE_DIR). */
  readonly webRoot?: string;
}

async function seedSample(store: Store, logger: Logger, at: string): Promise<void> {
  if ((await store.read.batches.list({}, { limit: 1, offset: 0 })).total > 0) return;
  let text: string;
  try {
    text = readFileSync(SAMPLE_BATCH_FILE, 'utf8');
  } catch {
    logger.warn({ file: SAMPLE_BATCH_FILE.pathname }, 'sample batch not found; starting without it');
    return;
  }
  const parsed = parseBatch(text);
  if (!parsed.ok) {
    logger.error({ issues: parsed.issues.slice(0, 10) }, 'sample batch is invalid; starting without it');
    return;
  }
  const stored = await store.transaction((tx) => storeBatch(tx, { batch: prepareBatch(parsed.batch), actor: SYSTEM_ACTOR, at, preVerified: true }));
  logger.info({ batchId: stored.id, needs: stored.counts.needs }, 'sample batch loaded (pre-verified)');
}

/** Opens the store, recovers and seeds it, and builds the app's dependencies. */
export async function buildDeps(config: Config, options: ServiceOptions = {}): Promise<AppDeps> {
  const logger = options.logger ?? pino({ level: config.logLevel });
  const clock = options.clock ?? Date.now;
  const at = () => new Date(clock()).toISOString();
  const store = openSqliteStore(config.dbFile);
  const recovered = await recoverInterruptedRuns(store, at());
  if (recovered.length > 0) logger.warn({ runs: recovered }, 'runs interrupted by an earlier stop marked failed');
  await store.transaction((tx) => seedDefaultWeights(tx, at(), contentHash(defaultWeightProfile)));
  if (config.seedSample) await seedSample(store, logger, at());

  const solver = options.solver ?? createWorkerSolver(config.solveWorkers);
  const intake = options.intake ?? createWorkerIntake(1);
  const metrics = new Metrics();
  const runQueue = new RunQueue({ store, solver, clock, logger, observer: metrics });
  metrics.gauge('jiedui_run_queue_depth', 'Background runs waiting or running.', () => runQueue.depth());
  metrics.gauge('jiedui_solver_waiting', 'Solves waiting for a free worker.', () => solver.waiting());
  return {
    store,
    logger,
    clock,
    solver,
    intake,
    runQueue,
    metrics,
    settings: {
      bodyLimitBytes: config.bodyLimitBytes,
      asyncRunNeeds: config.asyncRunNeeds,
      solverVersion: SOLVER_VERSION,
      webRoot: options.webRoot ?? WEB_CONSOLE_DIR,
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/** Starts the HTTP service on `config.port` (0: any free port). */
export async function startService(config: Config, options: ServiceOptions = {}): Promise<Service> {
  const deps = await buildDeps(config, options);
  const server = createServer(createApp(deps));
  const port = await listen(server, config.port, config.host);
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  deps.logger.info({ port, db: config.dbFile }, 'jiedui listening');
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    deps,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        await deps.runQueue.shutdown(config.shutdownGraceMs);
        await stopped;
        await deps.solver.close();
        await deps.intake.close();
        await deps.store.close();
        deps.logger.info('jiedui stopped');
      })();
      return closing;
    },
  };
}
