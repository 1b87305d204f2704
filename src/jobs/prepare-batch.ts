/**
 * A validated batch made ready to store: its hash, and its parts as JSON text (the content and one
 * text per need, with the columns the need table filters on). Pure, so it runs in the intake
 * worker for uploads and inline for the sample; the store then only writes strings.
 */
import type { Batch } from '../domain/batch-schema.js';
import type { BatchContent } from '../store/records.js';
import { contentHash } from './content-hash.js';

export interface PreparedNeed {
  readonly id: string;
  readonly community: string;
  readonly district: string;
  readonly street: string;
  readonly category: string;
  readonly form: string;
  /** The need as validated, as JSON text. */
  readonly json: string;
}

export interface PreparedBatch {
  readonly name: string | null;
  /** SHA-256 of the validated batch's canonical JSON. */
  readonly contentHash: string;
  readonly counts: { readonly communities: number; readonly needs: number; readonly offers: number };
  /** Communities, offers and earlier pairings (a BatchContent) as JSON text. */
  readonly contentJson: string;
  readonly needs: readonly PreparedNeed[];
}

export function prepareBatch(batch: Batch): PreparedBatch {
  const communities = new Map(batch.communities.map((c) => [c.id, c]));
  const content: BatchContent = { communities: batch.communities, offers: batch.offers, previousPairings: batch.previousPairings };
  return {
    name: batch.name ?? null,
    contentHash: contentHash(batch),
    counts: { communities: batch.communities.length, needs: batch.needs.length, offers: batch.offers.length },
    contentJson: JSON.stringify(content),
    needs: batch.needs.map((need) => {
      const community = communities.get(need.community);
      return {
        id: need.id,
        community: need.community,
        district: community?.district ?? '',
        street: community?.street ?? '',
        category: need.category,
        form: need.form,
        json: JSON.stringify(need),
      };
    }),
  };
}
