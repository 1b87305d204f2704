import type { Repositories } from '../store/ports.js';
import type { Actor } from '../store/records.js';

/** One audit entry: who did what to which entity, with the state before and after. */
export interface AuditEvent {
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

/** Appends to the audit log inside the caller's transaction (so it commits with the change). */
export function recordAudit(tx: Repositories, actor: Actor, at: string, event: AuditEvent): Promise<void> {
  return tx.audit.append({
    at,
    actor,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    before: event.before ?? null,
    after: event.after ?? null,
  });
}
