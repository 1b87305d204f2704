/**
 * The input snapshot of a run: the stored batches merged into one Batch, with only the needs an
 * official has verified (点单—验单). Pure; the caller loads the parts.
 */
import type { Batch, Community, Need, Offer, PriorPairing } from '../domain/batch-schema.js';
import type { InputIssue } from '../domain/issues.js';
import type { BatchContent } from '../store/records.js';

export interface BatchPart {
  readonly batchId: string;
  readonly content: BatchContent;
  /** The batch's verified needs, in submission order. */
  readonly verifiedNeeds: readonly Need[];
}

export type AssembledInput = { ok: true; batch: Batch } | { ok: false; issues: InputIssue[] };

/** Adds each record unless its id was seen; an id seen with different content is an issue. */
function mergeById<T extends { id: string }>(
  parts: readonly BatchPart[],
  pick: (part: BatchPart) => readonly T[],
  section: string,
  issues: InputIssue[],
  identicalAllowed: boolean,
): T[] {
  const seen = new Map<string, { json: string; batchId: string }>();
  const out: T[] = [];
  for (const part of parts) {
    for (const record of pick(part)) {
      const json = JSON.stringify(record);
      const earlier = seen.get(record.id);
      if (!earlier) {
        seen.set(record.id, { json, batchId: part.batchId });
        out.push(record);
      } else if (!identicalAllowed || earlier.json !== json) {
        issues.push({
          path: ['batchIds', part.batchId, section, record.id],
          code: 'duplicate_id',
          message: `${section} id "${record.id}" appears in batches ${earlier.batchId} and ${part.batchId}`,
          hint: identicalAllowed ? 'the same community must have the same fields in every batch' : 'solve these batches separately',
        });
      }
    }
  }
  return out;
}

/**
 * Merges batches for a run. Communities shared by batches are taken once (they must agree); a need
 * or offer id may appear in one batch only. Earlier pairings referring to needs that are not in
 * the run (not verified) are dropped.
 */
export function assembleInput(parts: readonly BatchPart[]): AssembledInput {
  const issues: InputIssue[] = [];
  const communities = mergeById<Community>(parts, (p) => p.content.communities, 'communities', issues, true);
  const needs = mergeById<Need>(parts, (p) => p.verifiedNeeds, 'needs', issues, false);
  const offers = mergeById<Offer>(parts, (p) => p.content.offers, 'offers', issues, false);
  if (issues.length > 0) return { ok: false, issues };
  const needIds = new Set(needs.map((n) => n.id));
  const offerIds = new Set(offers.map((o) => o.id));
  const previousPairings: PriorPairing[] = [];
  for (const part of parts) {
    for (const p of part.content.previousPairings) {
      if (needIds.has(p.need) && offerIds.has(p.offer)) previousPairings.push(p);
    }
  }
  return { ok: true, batch: { communities, needs, offers, previousPairings } };
}
