import type { Alternate, ScoreBreakdown } from '../../match/types.js';
import type { PairingFilter, PairingRepository, PairingSort, RawPairingRecord } from '../ports.js';
import type { PairingRecord, PairingStatus } from '../records.js';
import type { SqliteDatabase } from './open-database.js';
import { statementCache, timeSlicer, whereClause } from './statements.js';
import { VersionedCache, type TableVersions } from './table-versions.js';

interface PairingRow {
  id: number;
  run_id: string;
  need_id: string;
  offer_id: string;
  amount: number;
  unit: string;
  value: number;
  community: string;
  district: string;
  street: string;
  category: PairingRecord['category'];
  form: PairingRecord['form'];
  provider_kind: PairingRecord['providerKind'];
  locked: number;
  status: PairingStatus;
  reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
  version: number;
  detail: string;
}

interface PairingDetail {
  score: ScoreBreakdown;
  alternates: Alternate[];
}

const toRawRecord = (row: PairingRow): RawPairingRecord => ({
  id: row.id,
  runId: row.run_id,
  need: row.need_id,
  offer: row.offer_id,
  amount: row.amount,
  unit: row.unit,
  value: row.value,
  community: row.community,
  district: row.district,
  street: row.street,
  category: row.category,
  form: row.form,
  providerKind: row.provider_kind,
  locked: row.locked === 1,
  status: row.status,
  reason: row.reason,
  decidedBy: row.decided_by,
  decidedAt: row.decided_at,
  version: row.version,
  detailJson: row.detail,
});

const toRecord = (row: PairingRow): PairingRecord => {
  const { detailJson, ...rest } = toRawRecord(row);
  const detail = JSON.parse(detailJson) as PairingDetail;
  return { ...rest, score: detail.score, alternates: detail.alternates };
};

const ORDER: Record<PairingSort, string> = {
  value_desc: 'value DESC, id',
  value_asc: 'value ASC, id',
  id: 'id',
};

/**
 * Counting a filtered page's total scans every pairing of the run that passes the filter, on every
 * page read; a reader keeps the counts until a decision or a new run commits.
 */
const COUNT_CACHE = { maxEntries: 2_000, ttlMs: 60_000 };

export function sqlitePairings(db: SqliteDatabase, versions: TableVersions, role: 'read' | 'write'): PairingRepository {
  const sql = statementCache(db);
  const counts = role === 'read' ? new VersionedCache<number>(versions, 'pairings', COUNT_CACHE) : undefined;
  const touch = () => {
    if (role === 'write') versions.touch('pairings');
  };
  const countOf = (where: { sql: string; params: unknown[] }): number => {
    const key = `${where.sql}\u0000${where.params.join('\u0000')}`;
    const cached = counts?.get(key);
    if (cached !== undefined) return cached;
    const n = (sql(`SELECT COUNT(*) AS n FROM pairings ${where.sql}`).get(...where.params) as { n: number }).n;
    counts?.set(key, n);
    return n;
  };
  const get = (id: number) => {
    const row = sql('SELECT * FROM pairings WHERE id = ?').get(id) as PairingRow | undefined;
    return row ? toRecord(row) : undefined;
  };
  const pageRows = (runId: string, filter: PairingFilter, sort: PairingSort, page: { limit: number; offset: number }) => {
    const where = whereClause({
      run_id: runId,
      district: filter.district,
      street: filter.street,
      community: filter.community,
      category: filter.category,
      provider_kind: filter.providerKind,
      status: filter.status,
    });
    const total = countOf(where);
    const rows = sql(`SELECT * FROM pairings ${where.sql} ORDER BY ${ORDER[sort]} LIMIT ? OFFSET ?`).all(
      ...where.params,
      page.limit,
      page.offset,
    ) as PairingRow[];
    return { rows, total };
  };
  return {
    async insertMany(pairings) {
      touch();
      const insert = sql(
        `INSERT INTO pairings (run_id, need_id, offer_id, amount, unit, value, community, district, street, category,
           form, provider_kind, locked, status, reason, decided_by, decided_at, detail)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const slice = timeSlicer();
      for (const p of pairings) {
        const pause = slice();
        if (pause) await pause;
        const detail: PairingDetail = { score: p.score, alternates: [...p.alternates] };
        insert.run(
          p.runId, p.need, p.offer, p.amount, p.unit, p.value, p.community, p.district, p.street, p.category,
          p.form, p.providerKind, p.locked ? 1 : 0, p.status, p.reason, p.decidedBy, p.decidedAt,
          JSON.stringify(detail),
        );
      }
    },
    async get(id) {
      return get(id);
    },
    async list(runId, filter, sort, page) {
      const { rows, total } = pageRows(runId, filter, sort, page);
      return { items: rows.map(toRecord), total };
    },
    async listRaw(runId, filter, sort, page) {
      const { rows, total } = pageRows(runId, filter, sort, page);
      return { items: rows.map(toRawRecord), total };
    },
    async all(runId) {
      return (sql('SELECT * FROM pairings WHERE run_id = ? ORDER BY id').all(runId) as PairingRow[]).map(toRecord);
    },
    async countByStatus(runId) {
      const counts: Record<PairingStatus, number> = { proposed: 0, approved: 0, rejected: 0 };
      const rows = sql('SELECT status, COUNT(*) AS n FROM pairings WHERE run_id = ? GROUP BY status').all(runId) as {
        status: PairingStatus;
        n: number;
      }[];
      for (const row of rows) counts[row.status] = row.n;
      return counts;
    },
    async decide(d) {
      touch();
      const result = sql(
        `UPDATE pairings SET status = ?, reason = ?, decided_by = ?, decided_at = ?, version = version + 1
         WHERE id = ? AND version = ?`,
      ).run(d.status, d.reason, d.by, d.at, d.id, d.expectedVersion);
      return result.changes === 1 ? get(d.id) : undefined;
    },
  };
}
