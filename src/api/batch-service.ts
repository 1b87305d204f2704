/** Storing a validated batch: shared by POST /v1/batches and `jiedui serve --seed-sample`. */
import type { Batch } from '../domain/batch-schema.js';
import type { NewNeed, Repositories } from '../store/ports.js';
import type { Actor, BatchRecord } from '../store/records.js';
import { newId } from './api-keys.js';
import { recordAudit } from './audit-log.js';
import { contentHash } from './canonical-hash.js';

function needRows(batch: Batch, verifiedBy: Actor | undefined, at: string): NewNeed[] {
  const communities = new Map(batch.communities.map((c) => [c.id, c]));
  return batch.needs.map((need) => {
    const community = communities.get(need.community);
    return {
      need,
      district: community?.district ?? '',
      street: community?.street ?? '',
      status: verifiedBy ? 'verified' : 'submitted',
      statusReason: verifiedBy ? 'submitted pre-verified' : null,
      reviewedBy: verifiedBy ? verifiedBy.keyId : null,
      reviewedAt: verifiedBy ? at : null,
    };
  });
}

/**
 * Stores a batch (validated and normalised by intake) with its needs `submitted`, or `verified` by
 * the submitter when `preVerified`; audits it. Runs inside the caller's transaction.
 */
export async function storeBatch(
  tx: Repositories,
  request: { batch: Batch; actor: Actor; at: string; preVerified: boolean },
): Promise<BatchRecord> {
  const { batch, actor, at, preVerified } = request;
  const id = newId('bat');
  await tx.batches.insert({
    id,
    name: batch.name ?? null,
    createdAt: at,
    createdBy: actor.keyId,
    contentHash: contentHash(batch),
    content: { communities: batch.communities, offers: batch.offers, previousPairings: batch.previousPairings },
    needs: needRows(batch, preVerified ? actor : undefined, at),
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
