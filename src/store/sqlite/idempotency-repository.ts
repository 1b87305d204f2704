import type { IdempotencyRepository } from '../ports.js';
import type { IdempotencyRecord } from '../records.js';
import type { SqliteDatabase } from './open-database.js';
import { statementCache } from './statements.js';

interface IdempotencyRow {
  scope: string;
  key: string;
  request_hash: string;
  status: number;
  body: string;
  created_at: string;
}

export function sqliteIdempotency(db: SqliteDatabase): IdempotencyRepository {
  const sql = statementCache(db);
  return {
    async get(scope, key): Promise<IdempotencyRecord | undefined> {
      const row = sql('SELECT * FROM idempotency WHERE scope = ? AND key = ?').get(scope, key) as
        | IdempotencyRow
        | undefined;
      if (!row) return undefined;
      return {
        scope: row.scope,
        key: row.key,
        requestHash: row.request_hash,
        status: row.status,
        body: JSON.parse(row.body) as unknown,
        createdAt: row.created_at,
      };
    },
    async put(r) {
      sql('INSERT INTO idempotency (scope, key, request_hash, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
        r.scope,
        r.key,
        r.requestHash,
        r.status,
        JSON.stringify(r.body),
        r.createdAt,
      );
    },
  };
}
