/**
 * Deciding pairings against the API's optimistic concurrency: every decision sends the version
 * the official saw. A 409 means someone else decided first; the outcome then carries the pairing
 * as it is now, so the page can show it instead of silently dropping the official's click.
 */
import { ApiError, type ApiClient } from '../api/client.js';
import { BULK_MAX, endpoints, type PairingQuery } from '../api/endpoints.js';
import type { PairingView, Problem } from '../api/types.js';

export type DecisionOutcome =
  | { readonly kind: 'done'; readonly pairing: PairingView }
  | { readonly kind: 'conflict'; readonly pairing: PairingView; readonly problem: Problem }
  | { readonly kind: 'failed'; readonly error: unknown };

/** Approves or rejects one pairing at the version shown. */
export async function decideOne(api: ApiClient, pairing: PairingView, decision: 'approve' | 'reject', reason?: string): Promise<DecisionOutcome> {
  try {
    const answer = await endpoints.decide(api, pairing, decision, reason);
    return { kind: 'done', pairing: answer.body };
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) {
      try {
        return { kind: 'conflict', pairing: await endpoints.pairing(api, pairing.id), problem: error.problem };
      } catch (reloadError) {
        return { kind: 'failed', error: reloadError };
      }
    }
    return { kind: 'failed', error };
  }
}

export interface BulkOutcome {
  readonly approved: number;
  /** Pairings someone else decided first (their whole request group was left unchanged). */
  readonly conflicts: NonNullable<Problem['conflicts']>;
  readonly errors: readonly unknown[];
}

/**
 * Approves every proposed pairing the filters select, BULK_MAX per request. Each request is all
 * or nothing on the server; a stale group is reported and the other groups still go through.
 */
export async function approveFiltered(api: ApiClient, runId: string, query: PairingQuery): Promise<BulkOutcome> {
  const proposed = await endpoints.allPairings(api, runId, { ...query, status: 'proposed' });
  let approved = 0;
  const conflicts: NonNullable<Problem['conflicts']>[number][] = [];
  const errors: unknown[] = [];
  for (let start = 0; start < proposed.length; start += BULK_MAX) {
    const group = proposed.slice(start, start + BULK_MAX);
    try {
      approved += (await endpoints.approveMany(api, group)).body.items.length;
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) conflicts.push(...(error.problem.conflicts ?? []));
      else errors.push(error);
    }
  }
  return { approved, conflicts, errors };
}
