/**
 * A MatchResult as stored rows: pairings (with their review status), unmet needs and the summary.
 * Pure conversion plus one function that writes it all inside the caller's transaction.
 */
import type { MatchResult } from '../match/types.js';
import type { NewPairing, NewRawPairing, RawPairingRecord, Repositories } from '../store/ports.js';
import type { PairingRecord, RunSummary, UnmetRecord } from '../store/records.js';

/** A pairing row as stored (made ready in the solving worker, prepared-result.ts), before it belongs to a run (status and decision come from the run). */
export type PreparedPairing = Omit<RawPairingRecord, 'id' | 'version' | 'runId' | 'status' | 'reason' | 'decidedBy' | 'decidedAt'>;

export interface PreparedRunResult {
  /** The run's RunSummary as JSON text. */
  readonly summaryJson: string;
  /** Pairings in result order: each chunk the JSON text of a PreparedPairing[]. */
  readonly pairingChunks: readonly string[];
  /** Unmet needs (few, small: cloned as they are). */
  readonly unmet: readonly Omit<UnmetRecord, 'runId'>[];
}

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

/** A new pairing's review state: proposed, or approved when locked by an approval it carries. */
function reviewState(p: { need: string; offer: string; locked: boolean }, approvals: ReadonlyMap<string, CarriedApproval>) {
  const approval = p.locked ? approvals.get(pairKey(p.need, p.offer)) : undefined;
  return {
    status: p.locked ? ('approved' as const) : ('proposed' as const),
    reason: approval?.reason ?? null,
    decidedBy: approval?.decidedBy ?? null,
    decidedAt: approval?.decidedAt ?? null,
  };
}

/** The columns a stored pairing row takes from a pipeline pairing (shared by both storing paths). */
export function pairingColumns(p: MatchResult['pairings'][number]) {
  return {
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
  };
}

export function pairingRows(
  runId: string,
  result: MatchResult,
  approvals: ReadonlyMap<string, CarriedApproval>,
): NewPairing[] {
  return result.pairings.map((p) => ({
      runId,
      ...pairingColumns(p),
      ...reviewState(p, approvals),
      score: p.score,
      alternates: p.alternates,
  }));
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

/** The approvals a re-solve carries from its parent run (none for a first run). */
async function parentApprovals(tx: Repositories, run: { parentRunId: string | null }): Promise<Map<string, CarriedApproval>> {
  if (!run.parentRunId) return new Map();
  // Only the approved pairings, undecoded: a city run has ten thousand, and this is the event loop.
  const approved = await tx.pairings.listRaw(run.parentRunId, { status: 'approved' }, 'id', { limit: Number.MAX_SAFE_INTEGER, offset: 0 });
  return approvalsOf(approved.items);
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
  const approvals = await parentApprovals(tx, run);
  await tx.pairings.insertMany(pairingRows(run.id, result, approvals));
  await tx.unmet.insertMany(unmetRows(run.id, result));
  const summary = summaryOf(result);
  await tx.runs.markSucceeded(run.id, at, summary);
  return summary;
}

/**
 * {@link saveRunResult} for a result prepared in the solve worker (prepared-result.ts): the rows
 * are parsed a chunk at a time, with the event loop let through between chunks.
 */
export async function savePreparedRunResult(
  tx: Repositories,
  run: { id: string; parentRunId: string | null },
  prepared: PreparedRunResult,
  at: string,
): Promise<RunSummary> {
  const approvals = await parentApprovals(tx, run);
  for (const chunk of prepared.pairingChunks) {
    const rows = (JSON.parse(chunk) as PreparedPairing[]).map((p): NewRawPairing => ({ ...p, runId: run.id, ...reviewState(p, approvals) }));
    await tx.pairings.insertManyRaw(rows);
    await new Promise((resolve) => setImmediate(resolve));
  }
  await tx.unmet.insertMany(prepared.unmet.map((u) => ({ ...u, runId: run.id })));
  const summary = JSON.parse(prepared.summaryJson) as RunSummary;
  await tx.runs.markSucceeded(run.id, at, summary);
  return summary;
}
