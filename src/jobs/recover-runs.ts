import type { Store } from '../store/ports.js';
import { SYSTEM_ACTOR } from '../store/records.js';

export const CRASH_ERROR = 'interrupted: the service stopped while this run was in progress';

/**
 * Marks runs left `queued` or `running` by a process that died as failed (call at start, before
 * serving). Nobody else can be working on them: the database belongs to one service process.
 */
export async function recoverInterruptedRuns(store: Store, at: string): Promise<readonly string[]> {
  return store.transaction(async (tx) => {
    const ids = await tx.runs.failAll(['queued', 'running'], at, CRASH_ERROR);
    for (const id of ids) {
      await tx.audit.append({ at, actor: SYSTEM_ACTOR, action: 'run.fail', entityType: 'run', entityId: id, before: null, after: { error: CRASH_ERROR } });
    }
    return ids;
  });
}
