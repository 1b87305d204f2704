/**
 * A MatchResult as stored rows: pairings (with their review status), unmet needs and the summary.
 * Pure conversion plus one function that writes it all inside the caller's transaction.
 */
import type { MatchResult } from '../match/types.js';
import type { NewPairing, Repositories } from '../store/ports.js';
import type { PairingRecord, RunSummary, UnmetRecord } from '../store/records.js';

/** A decision carried into a re-solve: a locked pair keeps the approval it was locked by. */
export interface CarriedApproval {
  readonly reason: string | null;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
}

const pairKey = (need: string, offer: string) => `${need}\u0000${offer}`;

export function summaryOf(result: MatchResult): RunSummary {
  return {
    solve: result.solve,
    candidates: result.candidates,
    coverage: result.coverage,
    offers: result.offers,
    pairings: result.pairings.length,
    unmet: result.unmet.length,
    totalValue: result.pairings.reduce((sum, p) => sum + p.value, 0),
  };
}

export function pairingRows(
  runId: string,
  result: MatchResult,
  approvals: ReadonlyMap<string, CarriedApproval>,
): NewPairing[] {
  return result.pairings.map((p) => {
    const approval = p.locked ? approvals.get(pairKey(p.need, p.offer)) : undefined;
    return {
      runId,
      need: p.need,
      offer: p.offer,
      amount: p.amount,
      unit: p.unit,
      value: p.value,
      community: p.community,
      district: p.district,
      street: p.street,
      category: p.category,
      form: p.form,
      providerKind: p.providerKind,
      locked: p.locked,
      status: p.locked ? 'approved' : 'proposed',
      reason: approval?.reason ?? null,
      decidedBy: approval?.decidedBy ?? null,
      decidedAt: approval?.decidedAt ?? null,
      score: p.score,
      alternates: p.alternates,
    };
  });
}

export function unmetRows(runId: string, result: MatchResult): UnmetRecord[] {
  return result.unmet.map((u) => ({ runId, ...u }));
}

/** Approvals of a run's pairings, keyed by pair, for carrying into its re-solve. */
export function approvalsOf(pairings: readonly Omit<PairingRecord, 'score' | 'alternates'>[]): Map<string, CarriedApproval> {
  const out = new Map<string, CarriedApproval>();
  for (const p of pairings) {
    if (p.status === 'approved') {
      out.set(pairKey(p.need, p.offer), { reason: p.reason, decidedBy: p.decidedBy, decidedAt: p.decidedAt });
    }
  }
  return out;
}

/**
 * Writes a run's result and marks it succeeded, in `tx`. A re-solve's locked pairings keep the
 * approval of the run they came from.
 */
export async function saveRunResult(
  tx: Repositories,
  run: { id: string; parentRunId: string | null },
  result: MatchResult,
  at: string,
): Promise<RunSummary> {
  // Only the approved pairings, undecoded: a city run has ten thousand, and this is the event loop.
  const approved = run.parentRunId ? await tx.pairings.listRaw(run.parentRunId, { status: 'approved' }, 'id', { limit: Number.MAX_SAFE_INTEGER, offset: 0 }) : undefined;
  const approvals = approved ? approvalsOf(approved.items) : new Map<string, CarriedApproval>();
  await tx.pairings.insertMany(pairingRows(run.id, result, approvals));
  await tx.unmet.insertMany(unmetRows(run.id, result));
  const summary = summaryOf(result);
  await tx.runs.markSucceeded(run.id, at, summary);
  return summary;
}
