import type { Alternate, ScoreBreakdown } from '../../match/types.js';
import type { PairingFilter, PairingRepository, PairingSort, RawPairingRecord } from '../ports.js';
import type { PairingRecord, PairingStatus } from '../records.js';
import type { SqliteDatabase } from './open-database.js';
import { statementCache, timeSlicer, whereClause } from './statements.js';
import { VersionedCache, type TableVersions } from './table-versions.js';

/**
 * A pairing row as an array, in COLUMNS order: rows are read in better-sqlite3's raw mode, which
 * skips building an object with twenty named properties per row (a third of a page read's cost).
 */
type PairingTuple = [
  id: number,
  runId: string,
  needId: string,
  offerId: string,
  amount: number,
  unit: string,
  value: number,
  community: string,
  district: string,
  street: string,
  category: PairingRecord['category'],
  form: PairingRecord['form'],
  providerKind: PairingRecord['providerKind'],
  locked: number,
  status: PairingStatus,
  reason: string | null,
  decidedBy: string | null,
  decidedAt: string | null,
  version: number,
  detail: string,
];
const COLUMNS =
  'id, run_id, need_id, offer_id, amount, unit, value, community, district, street, category, form, provider_kind, locked, status, reason, decided_by, decided_at, version, detail';

interface PairingDetail {
  score: ScoreBreakdown;
  alternates: Alternate[];
}

const toRawRecord = (row: PairingTuple): RawPairingRecord => ({
  id: row[0],
  runId: row[1],
  need: row[2],
  offer: row[3],
  amount: row[4],
  unit: row[5],
  value: row[6],
  community: row[7],
  district: row[8],
  street: row[9],
  category: row[10],
  form: row[11],
  providerKind: row[12],
  locked: row[13] === 1,
  status: row[14],
  reason: row[15],
  decidedBy: row[16],
  decidedAt: row[17],
  version: row[18],
  detailJson: row[19],
});

const toRecord = (row: PairingTuple): PairingRecord => {
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

/** The name under which TableVersions counts commits that changed one run's pairings. */
const runTable = (runId: string) => `pairings:${runId}`;

export function sqlitePairings(db: SqliteDatabase, versions: TableVersions, role: 'read' | 'write'): PairingRepository {
  const sql = statementCache(db);
  const counts = role === 'read' ? new VersionedCache<number>(versions, 'pairings', COUNT_CACHE) : undefined;
  /** Notes a write to the table (the counts) and to the runs' pairings (their revisions). */
  const touch = (runIds: Iterable<string>) => {
    if (role !== 'write') return;
    versions.touch('pairings');
    for (const runId of runIds) versions.touch(runTable(runId));
  };
  const countOf = (where: { sql: string; params: unknown[] }): number => {
    const key = `${where.sql}\u0000${where.params.join('\u0000')}`;
    const cached = counts?.get(key);
    if (cached !== undefined) return cached;
    const n = (sql(`SELECT COUNT(*) AS n FROM pairings ${where.sql}`).get(...where.params) as { n: number }).n;
    counts?.set(key, n);
    return n;
  };
  /** Pairing rows as tuples (the statement's SQL must select COLUMNS). */
  const tuples = (text: string, ...params: unknown[]) => sql(text).raw(true).all(...params) as PairingTuple[];
  const get = (id: number) => {
    const [row] = tuples(`SELECT ${COLUMNS} FROM pairings WHERE id = ?`, id);
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
    const rows = tuples(`SELECT ${COLUMNS} FROM pairings ${where.sql} ORDER BY ${ORDER[sort]} LIMIT ? OFFSET ?`, ...where.params, page.limit, page.offset);
    return { rows, total };
  };
  /** Inserts rows in time slices (see timeSlicer), each with its detail as JSON text. */
  const insertRows = async <P extends Omit<RawPairingRecord, 'id' | 'version' | 'detailJson'>>(pairings: readonly P[], detailOf: (p: P) => string) => {
    touch(new Set(pairings.map((p) => p.runId)));
    const insert = sql(
      `INSERT INTO pairings (run_id, need_id, offer_id, amount, unit, value, community, district, street, category,
         form, provider_kind, locked, status, reason, decided_by, decided_at, detail)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const slice = timeSlicer();
    for (const p of pairings) {
      const pause = slice();
      if (pause) await pause;
      insert.run(
        p.runId, p.need, p.offer, p.amount, p.unit, p.value, p.community, p.district, p.street, p.category,
        p.form, p.providerKind, p.locked ? 1 : 0, p.status, p.reason, p.decidedBy, p.decidedAt, detailOf(p),
      );
    }
  };
  return {
    async insertMany(pairings) {
      await insertRows(pairings, (p) => JSON.stringify({ score: p.score, alternates: [...p.alternates] } satisfies PairingDetail));
    },
    async insertManyRaw(pairings) {
      await insertRows(pairings, (p) => p.detailJson);
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
      return tuples(`SELECT ${COLUMNS} FROM pairings WHERE run_id = ? ORDER BY id`, runId).map(toRecord);
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
      const result = sql(
        `UPDATE pairings SET status = ?, reason = ?, decided_by = ?, decided_at = ?, version = version + 1
         WHERE id = ? AND version = ?`,
      ).run(d.status, d.reason, d.by, d.at, d.id, d.expectedVersion);
      if (result.changes !== 1) return undefined;
      const decided = get(d.id)!;
      touch([decided.runId]);
      return decided;
    },
    async revision(runId) {
      return versions.version(runTable(runId));
    },
  };
}
