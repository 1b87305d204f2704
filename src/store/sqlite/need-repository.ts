import type { Need } from '../../domain/batch-schema.js';
import type { NeedRepository } from '../ports.js';
import type { NeedRecord, NeedStatus } from '../records.js';
import { needWhere } from './batch-repository.js';
import type { SqliteDatabase } from './open-database.js';
import { statementCache } from './statements.js';

interface NeedRow {
  batch_id: string;
  district: string;
  street: string;
  status: NeedStatus;
  status_reason: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  body: string;
}

const COLUMNS = 'batch_id, district, street, status, status_reason, reviewed_by, reviewed_at, body';

const toRecord = (row: NeedRow): NeedRecord => ({
  batchId: row.batch_id,
  need: JSON.parse(row.body) as Need,
  district: row.district,
  street: row.street,
  status: row.status,
  statusReason: row.status_reason,
  reviewedBy: row.reviewed_by,
  reviewedAt: row.reviewed_at,
});

export function sqliteNeeds(db: SqliteDatabase): NeedRepository {
  const sql = statementCache(db);
  return {
    async get(batchId, needId) {
      const row = sql(`SELECT ${COLUMNS} FROM needs WHERE batch_id = ? AND need_id = ?`).get(batchId, needId) as
        | NeedRow
        | undefined;
      return row ? toRecord(row) : undefined;
    },
    async list(filter, page) {
      const where = needWhere(filter);
      const total = (sql(`SELECT COUNT(*) AS n FROM needs ${where.sql}`).get(...where.params) as { n: number }).n;
      const rows = sql(`SELECT ${COLUMNS} FROM needs ${where.sql} ORDER BY batch_id, seq LIMIT ? OFFSET ?`).all(
        ...where.params,
        page.limit,
        page.offset,
      ) as NeedRow[];
      return { items: rows.map(toRecord), total };
    },
    async inStatus(batchIds, status) {
      const stmt = sql('SELECT body FROM needs WHERE batch_id = ? AND status = ? ORDER BY seq');
      const out: Need[] = [];
      for (const batchId of batchIds) {
        for (const row of stmt.all(batchId, status) as { body: string }[]) out.push(JSON.parse(row.body) as Need);
      }
      return out;
    },
    async inStatusJson(batchIds, status) {
      // One string built by SQLite: no row objects, no per-need parse on the event loop.
      const stmt = sql("SELECT '[' || COALESCE(group_concat(body, ',' ORDER BY seq), '') || ']' FROM needs WHERE batch_id = ? AND status = ?").pluck();
      const arrays = batchIds.map((batchId) => stmt.get(batchId, status) as string);
      return arrays.length === 1 ? arrays[0]! : `[${arrays.map((a) => a.slice(1, -1)).filter((a) => a !== '').join(',')}]`;
    },
    async changeStatus(change) {
      const result = sql(
        `UPDATE needs SET status = ?, status_reason = ?, reviewed_by = ?, reviewed_at = ?
         WHERE batch_id = ? AND need_id = ? AND status = ?`,
      ).run(change.to, change.reason, change.by, change.at, change.batchId, change.needId, change.from);
      return result.changes === 1;
    },
  };
}
