/**
 * A run's input snapshot made ready to store and solve: the stored batches (as JSON text) merged by
 * assembleInput, its JSON text, and the SHA-256 of its canonical JSON (the run's `inputHash`).
 * Pure and CPU-heavy for a city (parse, merge, canonical hash of megabytes), so it runs in the
 * intake worker.
 */
import type { Batch, Need } from '../domain/batch-schema.js';
import type { InputIssue } from '../domain/issues.js';
import type { BatchContent } from '../store/records.js';
import { assembleInput } from './assemble-input.js';
import { contentHash } from './content-hash.js';

/** One batch of a run as the store holds it. */
export interface SnapshotPartJson {
  readonly batchId: string;
  /** The batch's BatchContent as JSON text. */
  readonly contentJson: string;
  /** A JSON array of its verified needs, in submission order. */
  readonly verifiedNeedsJson: string;
}

export interface PreparedSnapshot {
  /** The snapshot (a Batch) as JSON text: what is stored and what the solver parses. */
  readonly json: string;
  /** SHA-256 of its canonical JSON. */
  readonly hash: string;
  readonly needs: number;
}

export type SnapshotOutcome = { readonly ok: true; readonly snapshot: PreparedSnapshot } | { readonly ok: false; readonly issues: InputIssue[] };

function prepared(batch: Batch, json: string): PreparedSnapshot {
  return { json, hash: contentHash(batch), needs: batch.needs.length };
}

/** Merges the parts into one snapshot (see assembleInput), or says why they cannot be merged. */
export function prepareSnapshot(parts: readonly SnapshotPartJson[]): SnapshotOutcome {
  const assembled = assembleInput(
    parts.map((p) => ({
      batchId: p.batchId,
      content: JSON.parse(p.contentJson) as BatchContent,
      verifiedNeeds: JSON.parse(p.verifiedNeedsJson) as Need[],
    })),
  );
  if (!assembled.ok) return assembled;
  return { ok: true, snapshot: prepared(assembled.batch, JSON.stringify(assembled.batch)) };
}

/** A stored snapshot read back for a replay or re-solve: its hash recomputed from the text. */
export function prepareStoredSnapshot(json: string): PreparedSnapshot {
  return prepared(JSON.parse(json) as Batch, json);
}
