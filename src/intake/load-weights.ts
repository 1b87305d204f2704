/**
 * The intake entry points for weight profiles: JSON text or a value → a validated WeightProfile,
 * or every issue found. A profile whose fit weights are all zero is refused: the fit would be
 * 0/0 for every pair.
 */
import { InvalidInputError, type InputIssue } from '../domain/issues.js';
import { FIT_FEATURES, WeightProfileSchema, type WeightProfile } from '../domain/weights.js';
import { sortIssuesByPath } from './issue-order.js';
import { parseJson } from './parse-json.js';
import { fromZodIssues } from './zod-issues.js';

/** A usable weight profile, or every reason it is not. */
export type WeightProfileResult = { ok: true; profile: WeightProfile } | { ok: false; issues: InputIssue[] };

/** The all-zero rule, on the `fit` part alone (so it runs even when other fields are bad). */
function fitWeightsAllZero(value: unknown): InputIssue[] {
  const fit = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)['fit'] : undefined;
  const parsed = WeightProfileSchema.shape.fit.safeParse(fit);
  if (!parsed.success || FIT_FEATURES.some((f) => parsed.data[f] > 0)) return [];
  return [
    {
      path: ['fit'],
      code: 'all_zero_weights',
      message: 'all fit weights are zero, so no pairing could be scored',
      hint: `give at least one of ${FIT_FEATURES.join(', ')} a positive weight`,
    },
  ];
}

/** Validates a parsed weight profile. Never throws on any input value. */
export function validateWeightProfile(value: unknown): WeightProfileResult {
  const parsed = WeightProfileSchema.safeParse(value, { reportInput: true });
  const schemaIssues = parsed.success ? [] : fromZodIssues(parsed.error.issues, WeightProfileSchema);
  const issues = [...schemaIssues, ...fitWeightsAllZero(value)];
  if (parsed.success && issues.length === 0) return { ok: true, profile: parsed.data };
  return { ok: false, issues: sortIssuesByPath(issues, value) };
}

/** Parses JSON text (BOM allowed) and validates it as a weight profile. */
export function parseWeightProfile(text: string): WeightProfileResult {
  const json = parseJson(text);
  return json.ok ? validateWeightProfile(json.value) : { ok: false, issues: [json.issue] };
}

/** {@link parseWeightProfile}, throwing `InvalidInputError` when the text is bad. */
export function loadWeightProfileOrThrow(text: string): WeightProfile {
  const result = parseWeightProfile(text);
  if (!result.ok) throw new InvalidInputError(result.issues, 'intake: weight profile');
  return result.profile;
}
