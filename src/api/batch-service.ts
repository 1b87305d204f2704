/** Storing a validated batch: shared by POST /v1/batches and `jiedui serve --seed-sample`. */
import type { PreparedBatch } from '../jobs/prepare-batch.js';
import type { NewNeedState, Repositories } from '../store/ports.js';
import type { Actor, BatchRecord } from '../store/records.js';
import { newId } from './api-keys.js';
import { recordAudit } from './audit-log.js';

function needState(verifiedBy: Actor | undefined, at: string): NewNeedState {
  return verifiedBy
    ? { status: 'verified', statusReason: 'submitted pre-verified', reviewedBy: verifiedBy.keyId, reviewedAt: at }
    : { status: 'submitted', statusReason: null, reviewedBy: null, reviewedAt: null };
}

/**
 * Stores a batch (validated, normalised and serialised: see jobs/prepare-batch.ts) with its needs
 * `submitted`, or `verified` by the submitter when `preVerified`; audits it. Runs inside the
 * caller's transaction.
 */
export async function storeBatch(
  tx: Repositories,
  request: { batch: PreparedBatch; actor: Actor; at: string; preVerified: boolean },
): Promise<BatchRecord> {
  const { batch, actor, at, preVerified } = request;
  const id = newId('bat');
  await tx.batches.insert({
    id,
    name: batch.name,
    createdAt: at,
    createdBy: actor.keyId,
    contentHash: batch.contentHash,
    counts: { communities: batch.counts.communities, offers: batch.counts.offers },
    contentJson: batch.contentJson,
    needs: batch.needs,
    needState: needState(preVerified ? actor : undefined, at),
  });
  const stored = await tx.batches.get(id);
  if (!stored) throw new Error('api/batch-service: batch vanished after insert');
  await recordAudit(tx, actor, at, {
    action: 'batch.create',
    entityType: 'batch',
    entityId: id,
    after: { name: stored.name, counts: stored.counts, contentHash: stored.contentHash, preVerified },
  });
  return stored;
}
