import type { RunRepository, RunState } from '../ports.js';
import type { RunKind, RunOptions, RunRecord, RunStatus, RunSummary } from '../records.js';
import type { SqliteDatabase } from './open-database.js';
import { parseJson, statementCache, whereClause } from './statements.js';
import { VersionedCache, type TableVersions } from './table-versions.js';

interface RunRow {
  id: string;
  kind: RunKind;
  status: RunStatus;
  batch_ids: string;
  weight_version: number;
  options: string;
  input_hash: string;
  solver_version: string;
  parent_run_id: string | null;
  created_by: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  error: string | null;
  summary: string | null;
}

const toRecord = (row: RunRow): RunRecord => ({
  id: row.id,
  kind: row.kind,
  status: row.status,
  batchIds: JSON.parse(row.batch_ids) as string[],
  weightVersion: row.weight_version,
  options: JSON.parse(row.options) as RunOptions,
  inputHash: row.input_hash,
  solverVersion: row.solver_version,
  parentRunId: row.parent_run_id,
  createdBy: row.created_by,
  createdAt: row.created_at,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  error: row.error,
  summary: parseJson<RunSummary | null>(row.summary),
});

/**
 * Every read of a run's results first checks the run's state: a reader keeps the states it found
 * until any run changes (a commit of a write to `runs`), or for a minute. Unknown ids are not kept.
 */
const STATE_CACHE = { maxEntries: 1_000, ttlMs: 60_000 };

export function sqliteRuns(db: SqliteDatabase, versions: TableVersions, role: 'read' | 'write'): RunRepository {
  const sql = statementCache(db);
  const states = role === 'read' ? new VersionedCache<RunState>(versions, 'runs', STATE_CACHE) : undefined;
  /** Runs a statement that changes runs, noting the change for the readers' cache. */
  const write = (text: string, ...params: unknown[]) => {
    if (role === 'write') versions.touch('runs');
    return sql(text).run(...params);
  };
  return {
    async putInput(hash, snapshot, at) {
      sql('INSERT INTO run_inputs (hash, body, created_at) VALUES (?, ?, ?) ON CONFLICT (hash) DO NOTHING').run(
        hash,
        JSON.stringify(snapshot),
        at,
      );
    },
    async getInput(hash) {
      const row = sql('SELECT body FROM run_inputs WHERE hash = ?').get(hash) as { body: string } | undefined;
      return row ? (JSON.parse(row.body) as unknown) : undefined;
    },
    async putInputJson(hash, json, at) {
      sql('INSERT INTO run_inputs (hash, body, created_at) VALUES (?, ?, ?) ON CONFLICT (hash) DO NOTHING').run(hash, json, at);
    },
    async getInputJson(hash) {
      return sql('SELECT body AS json FROM run_inputs WHERE hash = ?').pluck().get(hash) as string | undefined;
    },
    async insert(run) {
      const seq = (sql('SELECT COALESCE(MAX(seq), 0) + 1 AS s FROM runs').get() as { s: number }).s;
      write(
        `INSERT INTO runs (id, seq, kind, status, batch_ids, weight_version, options, input_hash, solver_version,
           parent_run_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        run.id,
        seq,
        run.kind,
        run.status,
        JSON.stringify(run.batchIds),
        run.weightVersion,
        JSON.stringify(run.options),
        run.inputHash,
        run.solverVersion,
        run.parentRunId,
        run.createdBy,
        run.createdAt,
      );
    },
    async get(id) {
      const row = sql('SELECT * FROM runs WHERE id = ?').get(id) as RunRow | undefined;
      return row ? toRecord(row) : undefined;
    },
    async state(id) {
      const cached = states?.get(id);
      if (cached) return cached;
      const state = sql('SELECT id, status, error FROM runs WHERE id = ?').get(id) as RunState | undefined;
      if (state) states?.set(id, Object.freeze(state));
      return state;
    },
    async list(filter, page) {
      const where = whereClause({ status: filter.status, kind: filter.kind });
      const total = (sql(`SELECT COUNT(*) AS n FROM runs ${where.sql}`).get(...where.params) as { n: number }).n;
      const rows = sql(`SELECT * FROM runs ${where.sql} ORDER BY seq DESC LIMIT ? OFFSET ?`).all(
        ...where.params,
        page.limit,
        page.offset,
      ) as RunRow[];
      return { items: rows.map(toRecord), total };
    },
    async markRunning(id, at) {
      write("UPDATE runs SET status = 'running', started_at = ? WHERE id = ?", at, id);
    },
    async markSucceeded(id, at, summary) {
      write("UPDATE runs SET status = 'succeeded', finished_at = ?, summary = ? WHERE id = ?", at, JSON.stringify(summary), id);
    },
    async markFailed(id, at, error) {
      write("UPDATE runs SET status = 'failed', finished_at = ?, error = ? WHERE id = ?", at, error, id);
    },
    async failAll(statuses, at, error) {
      const marks = statuses.map(() => '?').join(', ');
      const rows = sql(`SELECT id FROM runs WHERE status IN (${marks}) ORDER BY seq`).all(...statuses) as {
        id: string;
      }[];
      write(`UPDATE runs SET status = 'failed', finished_at = ?, error = ? WHERE status IN (${marks})`, at, error, ...statuses);
      return rows.map((r) => r.id);
    },
  };
}
