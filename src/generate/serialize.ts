/**
 * Batch → JSON text, one record per line (readable diffs of the committed sample), produced
 * as a sequence of chunks so a province-sized batch can be written without one huge string.
 */
import type { BatchInput } from '../domain/batch-schema.js';

const SECTIONS = ['communities', 'needs', 'offers', 'previousPairings'] as const;

/** Yields the batch as JSON text: a header line, then each record array one record per line. */
export function* serializeBatch(batch: BatchInput): Generator<string> {
  yield '{\n';
  if (batch.format !== undefined) yield `"format": ${JSON.stringify(batch.format)},\n`;
  if (batch.name !== undefined) yield `"name": ${JSON.stringify(batch.name)},\n`;
  for (const [s, section] of SECTIONS.entries()) {
    const records: readonly unknown[] = batch[section] ?? [];
    const last = s === SECTIONS.length - 1;
    if (records.length === 0) {
      yield `"${section}": []${last ? '' : ','}\n`;
      continue;
    }
    yield `"${section}": [\n`;
    for (let i = 0; i < records.length; i++) {
      yield JSON.stringify(records[i]) + (i < records.length - 1 ? ',\n' : '\n');
    }
    yield `]${last ? '' : ','}\n`;
  }
  yield '}\n';
}

/** The whole batch as one string (fine up to tens of MB). */
export function batchToJson(batch: BatchInput): string {
  let text = '';
  for (const chunk of serializeBatch(batch)) text += chunk;
  return text;
}
