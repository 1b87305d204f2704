import type { RunRepository } from '../ports.js';
import type { RunKind, RunOptions, RunRecord, RunStatus, RunSummary } from '../records.js';
import type { SqliteDatabase } from './open-database.js';
import { parseJson, statementCache, whereClause } from './statements.js';

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

export function sqliteRuns(db: SqliteDatabase): RunRepository {
  const sql = statementCache(db);
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
      sql(
        `INSERT INTO runs (id, seq, kind, status, batch_ids, weight_version, options, input_hash, solver_version,
           parent_run_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
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
      return sql('SELECT id, status, error FROM runs WHERE id = ?').get(id) as { id: string; status: RunStatus; error: string | null } | undefined;
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
      sql("UPDATE runs SET status = 'running', started_at = ? WHERE id = ?").run(at, id);
    },
    async markSucceeded(id, at, summary) {
      sql("UPDATE runs SET status = 'succeeded', finished_at = ?, summary = ? WHERE id = ?").run(
        at,
        JSON.stringify(summary),
        id,
      );
    },
    async markFailed(id, at, error) {
      sql("UPDATE runs SET status = 'failed', finished_at = ?, error = ? WHERE id = ?").run(at, error, id);
    },
    async failAll(statuses, at, error) {
      const marks = statuses.map(() => '?').join(', ');
      const rows = sql(`SELECT id FROM runs WHERE status IN (${marks}) ORDER BY seq`).all(...statuses) as {
        id: string;
      }[];
      sql(`UPDATE runs SET status = 'failed', finished_at = ?, error = ? WHERE status IN (${marks})`).run(
        at,
        error,
        ...statuses,
      );
      return rows.map((r) => r.id);
    },
  };
}
