import type { WeightProfile } from '../../domain/weights.js';
import type { WeightProfileRepository } from '../ports.js';
import type { WeightProfileRecord } from '../records.js';
import type { SqliteDatabase } from './open-database.js';
import { statementCache } from './statements.js';

interface WeightRow {
  version: number;
  name: string;
  body: string;
  hash: string;
  created_by: string;
  created_at: string;
}

const toRecord = (row: WeightRow): WeightProfileRecord => ({
  version: row.version,
  name: row.name,
  profile: JSON.parse(row.body) as WeightProfile,
  hash: row.hash,
  createdBy: row.created_by,
  createdAt: row.created_at,
});

const DEFAULT_KEY = 'default_weight_version';

export function sqliteWeightProfiles(db: SqliteDatabase): WeightProfileRepository {
  const sql = statementCache(db);
  const get = (version: number) => {
    const row = sql('SELECT * FROM weight_profiles WHERE version = ?').get(version) as WeightRow | undefined;
    return row ? toRecord(row) : undefined;
  };
  return {
    async insert(profile) {
      const info = sql(
        'INSERT INTO weight_profiles (name, body, hash, created_by, created_at) VALUES (?, ?, ?, ?, ?)',
      ).run(profile.name, JSON.stringify(profile.profile), profile.hash, profile.createdBy, profile.createdAt);
      const stored = get(Number(info.lastInsertRowid));
      if (!stored) throw new Error('store/sqlite: weight profile vanished after insert');
      return stored;
    },
    async get(version) {
      return get(version);
    },
    async list(page) {
      const total = (sql('SELECT COUNT(*) AS n FROM weight_profiles').get() as { n: number }).n;
      const rows = sql('SELECT * FROM weight_profiles ORDER BY version LIMIT ? OFFSET ?').all(
        page.limit,
        page.offset,
      ) as WeightRow[];
      return { items: rows.map(toRecord), total };
    },
    async defaultVersion() {
      const row = sql('SELECT value FROM settings WHERE key = ?').get(DEFAULT_KEY) as { value: string } | undefined;
      return row ? Number(row.value) : undefined;
    },
    async setDefaultVersion(version) {
      sql('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
        DEFAULT_KEY,
        String(version),
      );
    },
  };
}
