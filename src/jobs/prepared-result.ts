/**
 * A solve result made ready to store, in the worker that solved it. A city's MatchResult is some
 * 10 MB of small objects; posting it to the main thread makes the main thread rebuild every one of
 * them (structured clone) in one go, which stalled the event loop for 100–400 ms here. Prepared,
 * it crosses as a few strings: the summary's JSON, and the pairing rows as JSON arrays of a few
 * hundred rows each, which the main thread parses one at a time between inserts.
 */
import type { MatchResult } from '../match/types.js';
import { pairingColumns, summaryOf, type PreparedPairing, type PreparedRunResult } from './run-results.js';

// The shapes are defined where they are stored (run-results.ts); re-exported for the workers.
export type { PreparedPairing, PreparedRunResult } from './run-results.js';

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
