import type { BatchRepository, NeedFilter } from '../ports.js';
import type { BatchContent, BatchRecord, NeedStatus } from '../records.js';
import type { SqliteDatabase } from './open-database.js';
import { parseJson, statementCache, timeSlicer, whereClause } from './statements.js';

interface BatchRow {
  id: string;
  name: string | null;
  created_at: string;
  created_by: string;
  content_hash: string;
  communities: number;
  needs: number;
  offers: number;
}

const SUMMARY_COLUMNS = 'id, name, created_at, created_by, content_hash, communities, needs, offers';

/** The need-level filter as SQL on the `needs` table (shared with the need repository). */
export function needWhere(filter: NeedFilter): { sql: string; params: unknown[] } {
  return whereClause({
    batch_id: filter.batchId,
    district: filter.district,
    category: filter.category,
    form: filter.form,
    status: filter.status,
  });
}

export function sqliteBatches(db: SqliteDatabase): BatchRepository {
  const sql = statementCache(db);

  const statusCounts = (batchId: string): Record<NeedStatus, number> => {
    const counts: Record<NeedStatus, number> = { submitted: 0, verified: 0, returned: 0 };
    const rows = sql('SELECT status, COUNT(*) AS n FROM needs WHERE batch_id = ? GROUP BY status').all(batchId) as {
      status: NeedStatus;
      n: number;
    }[];
    for (const row of rows) counts[row.status] = row.n;
    return counts;
  };

  const toRecord = (row: BatchRow): BatchRecord => ({
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    createdBy: row.created_by,
    contentHash: row.content_hash,
    counts: { communities: row.communities, needs: row.needs, offers: row.offers },
    needStatus: statusCounts(row.id),
  });

  return {
    async insert(batch) {
      const seq = (sql('SELECT COALESCE(MAX(seq), 0) + 1 AS s FROM batches').get() as { s: number }).s;
      sql(
        `INSERT INTO batches (id, seq, name, created_at, created_by, content_hash, communities, needs, offers, content)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        batch.id,
        seq,
        batch.name,
        batch.createdAt,
        batch.createdBy,
        batch.contentHash,
        batch.counts.communities,
        batch.needs.length,
        batch.counts.offers,
        batch.contentJson,
      );
      const insertNeed = sql(
        `INSERT INTO needs (batch_id, need_id, seq, community, district, street, category, form, status,
           status_reason, reviewed_by, reviewed_at, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const slice = timeSlicer();
      const state = batch.needState;
      for (const [index, n] of batch.needs.entries()) {
        const pause = slice();
        if (pause) await pause;
        insertNeed.run(
          batch.id, n.id, index, n.community, n.district, n.street, n.category, n.form,
          state.status, state.statusReason, state.reviewedBy, state.reviewedAt, n.json,
        );
      }
    },
    async get(id) {
      const row = sql(`SELECT ${SUMMARY_COLUMNS} FROM batches WHERE id = ?`).get(id) as BatchRow | undefined;
      return row ? toRecord(row) : undefined;
    },
    async list(filter, page) {
      const needFilter = needWhere({ ...filter, batchId: undefined });
      const where = needFilter.sql
        ? `WHERE EXISTS (SELECT 1 FROM needs ${needFilter.sql} AND needs.batch_id = batches.id)`
        : '';
      const total = (sql(`SELECT COUNT(*) AS n FROM batches ${where}`).get(...needFilter.params) as { n: number }).n;
      const rows = sql(`SELECT ${SUMMARY_COLUMNS} FROM batches ${where} ORDER BY seq DESC LIMIT ? OFFSET ?`).all(
        ...needFilter.params,
        page.limit,
        page.offset,
      ) as BatchRow[];
      return { items: rows.map(toRecord), total };
    },
    async content(id) {
      const row = sql('SELECT content FROM batches WHERE id = ?').get(id) as { content: string } | undefined;
      return row ? parseJson<BatchContent>(row.content) : undefined;
    },
    async contentJson(id) {
      return sql('SELECT content AS json FROM batches WHERE id = ?').pluck().get(id) as string | undefined;
    },
  };
}
