import type { UnmetReason } from '../../match/types.js';
import type { UnmetRepository } from '../ports.js';
import type { UnmetRecord } from '../records.js';
import type { SqliteDatabase } from './open-database.js';
import { statementCache, timeSlicer, whereClause } from './statements.js';

interface UnmetRow {
  run_id: string;
  need_id: string;
  community: string;
  district: string;
  category: UnmetRecord['category'];
  form: UnmetRecord['form'];
  demand: number;
  met: number;
  reason: string;
}

const toRecord = (row: UnmetRow): UnmetRecord => ({
  runId: row.run_id,
  need: row.need_id,
  community: row.community,
  district: row.district,
  category: row.category,
  form: row.form,
  demand: row.demand,
  met: row.met,
  reason: JSON.parse(row.reason) as UnmetReason,
});

export function sqliteUnmet(db: SqliteDatabase): UnmetRepository {
  const sql = statementCache(db);
  return {
    async insertMany(unmet) {
      const insert = sql(
        `INSERT INTO unmet (run_id, need_id, seq, community, district, category, form, demand, met, reason_code, reason)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const slice = timeSlicer();
      for (const [seq, u] of unmet.entries()) {
        const pause = slice();
        if (pause) await pause;
        insert.run(u.runId, u.need, seq, u.community, u.district, u.category, u.form, u.demand, u.met,
          u.reason.code, JSON.stringify(u.reason));
      }
    },
    async list(runId, filter, page) {
      const where = whereClause({
        run_id: runId,
        district: filter.district,
        community: filter.community,
        category: filter.category,
        reason_code: filter.reason,
      });
      const total = (sql(`SELECT COUNT(*) AS n FROM unmet ${where.sql}`).get(...where.params) as { n: number }).n;
      const rows = sql(`SELECT * FROM unmet ${where.sql} ORDER BY seq LIMIT ? OFFSET ?`).all(
        ...where.params,
        page.limit,
        page.offset,
      ) as UnmetRow[];
      return { items: rows.map(toRecord), total };
    },
  };
}
