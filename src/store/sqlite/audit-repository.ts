import type { AuditRepository } from '../ports.js';
import type { AuditEntry, Role } from '../records.js';
import type { SqliteDatabase } from './open-database.js';
import { parseJson, statementCache, whereClause } from './statements.js';

interface AuditRow {
  id: number;
  at: string;
  actor_key: string;
  actor_name: string;
  actor_role: Role | 'system';
  action: string;
  entity_type: string;
  entity_id: string;
  before: string | null;
  after: string | null;
}

const toRecord = (row: AuditRow): AuditEntry => ({
  id: row.id,
  at: row.at,
  actor: { keyId: row.actor_key, name: row.actor_name, role: row.actor_role },
  action: row.action,
  entityType: row.entity_type,
  entityId: row.entity_id,
  before: parseJson<unknown>(row.before),
  after: parseJson<unknown>(row.after),
});

const jsonOrNull = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

export function sqliteAudit(db: SqliteDatabase): AuditRepository {
  const sql = statementCache(db);
  return {
    async append(e) {
      sql(
        `INSERT INTO audit (at, actor_key, actor_name, actor_role, action, entity_type, entity_id, before, after)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(e.at, e.actor.keyId, e.actor.name, e.actor.role, e.action, e.entityType, e.entityId,
        jsonOrNull(e.before), jsonOrNull(e.after));
    },
    async list(filter, page) {
      const where = whereClause({
        entity_type: filter.entityType,
        entity_id: filter.entityId,
        action: filter.action,
        actor_key: filter.actorKeyId,
      });
      const total = (sql(`SELECT COUNT(*) AS n FROM audit ${where.sql}`).get(...where.params) as { n: number }).n;
      const rows = sql(`SELECT * FROM audit ${where.sql} ORDER BY id DESC LIMIT ? OFFSET ?`).all(
        ...where.params,
        page.limit,
        page.offset,
      ) as AuditRow[];
      return { items: rows.map(toRecord), total };
    },
  };
}
