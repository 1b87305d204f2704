import type { ApiKeyRepository } from '../ports.js';
import type { ApiKeyRecord, Role } from '../records.js';
import type { SqliteDatabase } from './open-database.js';
import { statementCache } from './statements.js';
import { VersionedCache, type TableVersions } from './table-versions.js';

interface ApiKeyRow {
  id: string;
  name: string;
  role: Role;
  hash: string;
  created_at: string;
  revoked_at: string | null;
}

const toRecord = (row: ApiKeyRow): ApiKeyRecord => ({
  id: row.id,
  name: row.name,
  role: row.role,
  hash: row.hash,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
});

/**
 * Every authenticated request looks its key up: a reader keeps found keys for a few seconds
 * (a revocation commits a new table version, which drops them at once). Unknown hashes are not
 * kept, so a key just made by `jiedui keys create` works at once and strangers cannot fill it.
 */
const KEY_CACHE = { maxEntries: 1_000, ttlMs: 10_000 };

export function sqliteApiKeys(db: SqliteDatabase, versions: TableVersions, role: 'read' | 'write'): ApiKeyRepository {
  const sql = statementCache(db);
  const cache = role === 'read' ? new VersionedCache<ApiKeyRecord>(versions, 'api_keys', KEY_CACHE) : undefined;
  const touch = () => {
    if (role === 'write') versions.touch('api_keys');
  };
  return {
    async insert(key) {
      touch();
      sql('INSERT INTO api_keys (id, name, role, hash, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?)').run(
        key.id,
        key.name,
        key.role,
        key.hash,
        key.createdAt,
        key.revokedAt,
      );
    },
    async findByHash(hash) {
      const cached = cache?.get(hash);
      if (cached) return cached;
      const row = sql('SELECT * FROM api_keys WHERE hash = ?').get(hash) as ApiKeyRow | undefined;
      if (!row) return undefined;
      const record = toRecord(row);
      cache?.set(hash, record);
      return record;
    },
    async list() {
      return (sql('SELECT * FROM api_keys ORDER BY created_at, id').all() as ApiKeyRow[]).map(toRecord);
    },
    async revoke(id, at) {
      touch();
      return sql('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id).changes === 1;
    },
  };
}
