/**
 * The intake entry points for batches: JSON text or an already-parsed value → a validated,
 * normalised Batch, or every issue found (schema and cross-record) in document order.
 */
import { BatchSchema, type Batch } from '../domain/batch-schema.js';
import { InvalidInputError, type InputIssue } from '../domain/issues.js';
import { crossCheckBatch } from './cross-check.js';
import { sortIssuesByPath } from './issue-order.js';
import { normaliseBatch } from './normalise.js';
import { parseJson } from './parse-json.js';
import { salvageBatch, sectionsOfValidBatch } from './salvage.js';
import { fromZodIssues } from './zod-issues.js';

/** A batch ready for matching, or every reason it is not. */
export type IntakeResult = { ok: true; batch: Batch } | { ok: false; issues: InputIssue[] };

/**
 * Validates a parsed batch. On success the batch has defaults filled and every quantity
 * (need.quantity, offer.capacity, offer.minAllocation) converted to its form's canonical unit
 * (hour, item, service, yuan) with `unit` set accordingly. Never throws on any input value.
 * @example
 * const r = validateBatch(JSON.parse(text));
 * if (!r.ok) for (const i of r.issues) console.log(formatPath(i.path), i.message);
 */
export function validateBatch(value: unknown): IntakeResult {
  const parsed = BatchSchema.safeParse(value, { reportInput: true });
  if (parsed.success) {
    const issues = crossCheckBatch(sectionsOfValidBatch(parsed.data));
    if (issues.length === 0) return { ok: true, batch: normaliseBatch(parsed.data) };
    return { ok: false, issues: sortIssuesByPath(issues, value) };
  }
  // Cross-check what did parse, so the planner hears about everything in one round.
  const issues = [...fromZodIssues(parsed.error.issues, BatchSchema), ...crossCheckBatch(salvageBatch(value))];
  return { ok: false, issues: sortIssuesByPath(issues, value) };
}

/** Parses JSON text (BOM allowed) and validates it as a batch; see {@link validateBatch}. */
export function parseBatch(text: string): IntakeResult {
  const json = parseJson(text);
  return json.ok ? validateBatch(json.value) : { ok: false, issues: [json.issue] };
}

/** {@link validateBatch}, throwing `InvalidInputError` (with all issues) when the batch is bad. */
export function validateBatchOrThrow(value: unknown): Batch {
  const result = validateBatch(value);
  if (!result.ok) throw new InvalidInputError(result.issues, 'intake: batch');
  return result.batch;
}

/** {@link parseBatch}, throwing `InvalidInputError` (with all issues) when the text is bad. */
export function loadBatchOrThrow(text: string): Batch {
  const result = parseBatch(text);
  if (!result.ok) throw new InvalidInputError(result.issues, 'intake: batch');
  return result.batch;
}
