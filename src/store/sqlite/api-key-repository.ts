import type { ApiKeyRepository } from '../ports.js';
import type { ApiKeyRecord, Role } from '../records.js';
import type { SqliteDatabase } from './open-database.js';
import { statementCache } from './statements.js';

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

export function sqliteApiKeys(db: SqliteDatabase): ApiKeyRepository {
  const sql = statementCache(db);
  return {
    async insert(key) {
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
      const row = sql('SELECT * FROM api_keys WHERE hash = ?').get(hash) as ApiKeyRow | undefined;
      return row ? toRecord(row) : undefined;
    },
    async list() {
      return (sql('SELECT * FROM api_keys ORDER BY created_at, id').all() as ApiKeyRow[]).map(toRecord);
    },
    async revoke(id, at) {
      return sql('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id).changes === 1;
    },
  };
}
