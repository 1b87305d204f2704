/**
 * WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside the COMMIT that
 * crosses its threshold, copying the log into the database file and syncing it: for the commit of
 * a city run's result that was ~40 ms of a ~60 ms stall here. Instead the writer's automatic
 * checkpoint is set far out (a backstop), and after commits that wrote enough rows a worker thread
 * with its own connection runs a PASSIVE checkpoint (which never blocks readers or the writer).
 * The worker is started on first need, so small databases (tests, tools) never start one.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { SqliteDatabase } from './open-database.js';

/** Rows written since the last checkpoint that ask for the next one (SQLite's default is 1000 pages). */
export const CHECKPOINT_AFTER_ROWS = 1_000;
/** The writer's own automatic checkpoint, in pages: only if the worker cannot keep up. */
export const BACKSTOP_CHECKPOINT_PAGES = 20_000;

// Plain CommonJS, evaluated in the worker: no module file to find in dist or under tsx.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    process.exit(0);
  }
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (error) { /* the next one retries */ }
  parentPort.postMessage('done');
});
`;

export interface Checkpointer {
  /** Call after each commit: checkpoints in the background once enough rows were written. */
  committed(): void;
  close(): Promise<void>;
}

export function createCheckpointer(writer: SqliteDatabase, file: string): Checkpointer {
  writer.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`);
  const changes = writer.prepare('SELECT total_changes()').pluck();
  let counted = changes.get() as number;
  let worker: Worker | undefined;
  let busy = false;
  let again = false;

  const start = (): Worker => {
    const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver: createRequire(import.meta.url).resolve('better-sqlite3') } });
    w.unref(); // never what keeps the process alive
    w.on('message', () => {
      busy = false;
      if (again) request();
    });
    // A failed worker is dropped (the next request starts another); the backstop still bounds the log.
    const drop = () => {
      if (worker === w) worker = undefined;
      busy = false;
    };
    w.on('error', drop);
    w.on('exit', drop);
    return w;
  };
  const request = () => {
    again = busy;
    if (busy) return;
    try {
      worker ??= start();
      worker.postMessage('checkpoint');
      busy = true;
    } catch {
      worker = undefined; // no thread to be had: the backstop checkpoint still bounds the log
    }
  };

  return {
    committed() {
      const total = changes.get() as number;
      if (total - counted < CHECKPOINT_AFTER_ROWS) return;
      counted = total;
      request();
    },
    /** Lets the worker close its connection (a checkpoint under way finishes first). */
    async close() {
      const w = worker;
      worker = undefined;
      if (!w) return;
      const exited = new Promise<void>((resolve) => w.once('exit', () => resolve()));
      w.postMessage('close');
      const timer = setTimeout(() => void w.terminate(), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
