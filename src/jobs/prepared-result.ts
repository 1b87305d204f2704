/**
 * A solve result made ready to store, in the worker that solved it. A city's MatchResult is some
 * 10 MB of small objects; posting it to the main thread makes the main thread rebuild every one of
 * them (structured clone) in one go, which stalled the event loop for 100–400 ms here. Prepared,
 * it crosses as a few strings: the summary's JSON, and the pairing rows as JSON arrays of a few
 * hundred rows each, which the main thread parses one at a time between inserts.
 */
import type { MatchResult } from '../match/types.js';
import type { RawPairingRecord } from '../store/ports.js';
import type { UnmetRecord } from '../store/records.js';
import { pairingColumns, summaryOf } from './run-results.js';

/** A pairing row as stored, before it belongs to a run (status and decision come from the run). */
export type PreparedPairing = Omit<RawPairingRecord, 'id' | 'version' | 'runId' | 'status' | 'reason' | 'decidedBy' | 'decidedAt'>;

export interface PreparedRunResult {
  /** The run's RunSummary as JSON text. */
  readonly summaryJson: string;
  /** Pairings in result order: each chunk the JSON text of a PreparedPairing[]. */
  readonly pairingChunks: readonly string[];
  /** Unmet needs (few, small: cloned as they are). */
  readonly unmet: readonly Omit<UnmetRecord, 'runId'>[];
}

/** Rows per chunk: parsing one takes a millisecond or two. */
export const PREPARED_CHUNK_ROWS = 500;

export function prepareRunResult(result: MatchResult, chunkRows = PREPARED_CHUNK_ROWS): PreparedRunResult {
  const chunks: string[] = [];
  for (let start = 0; start < result.pairings.length; start += chunkRows) {
    const rows: PreparedPairing[] = result.pairings.slice(start, start + chunkRows).map((p) => ({
      ...pairingColumns(p),
      // The stored detail format (see sqlite/pairing-repository.ts): score, then alternates.
      detailJson: JSON.stringify({ score: p.score, alternates: [...p.alternates] }),
    }));
    chunks.push(JSON.stringify(rows));
  }
  return { summaryJson: JSON.stringify(summaryOf(result)), pairingChunks: chunks, unmet: result.unmet };
}
