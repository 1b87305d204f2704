/**
 * A run's result as JSON (what `jiedui solve --out` writes) → an ExportableResult, checking the
 * fields the export reads so that a wrong file is an input error naming the field, not a crash.
 */
import { z } from 'zod';
import { CATEGORY_IDS, PROVIDER_KIND_IDS, SUPPORT_FORM_IDS } from '../../domain/taxonomy.js';
import type { InputIssue } from '../../domain/issues.js';
import { parseJson } from '../../intake/parse-json.js';
import { fromZodIssues } from '../../intake/zod-issues.js';
import type { ExportableResult } from '../write/result-tables.js';

const category = z.enum(CATEGORY_IDS);
const form = z.enum(SUPPORT_FORM_IDS);
const num = z.number();

const PairingShape = z.looseObject({
  need: z.string(),
  offer: z.string(),
  amount: num,
  unit: z.string(),
  value: num,
  community: z.string(),
  district: z.string(),
  street: z.string(),
  category,
  form,
  providerKind: z.enum(PROVIDER_KIND_IDS),
  locked: z.boolean(),
  score: z.looseObject({ fit: num, valuePerUnit: num }),
  alternates: z.array(z.looseObject({ offer: z.string() })),
  status: z.string().optional(),
  reason: z.string().nullable().optional(),
});

const UnmetShape = z.looseObject({
  need: z.string(),
  community: z.string(),
  district: z.string(),
  category,
  form,
  demand: num,
  met: num,
  reason: z.looseObject({ code: z.enum(['not_pooled', 'no_candidate', 'outcompeted', 'no_value', 'all_or_nothing']) }),
});

const RowShape = z.looseObject({
  key: z.string(),
  needs: num,
  needsMet: num,
  needsPartlyMet: num,
  demand: num,
  demandMet: num,
  demandMetShare: num,
  communities: num,
  communitiesReached: num,
  beneficiaries: num,
  beneficiariesReached: num,
});

export const ResultFileSchema = z.looseObject({
  mode: z.string(),
  weightProfile: z.string(),
  pairings: z.array(PairingShape),
  unmet: z.array(UnmetShape),
  coverage: z.looseObject({
    total: RowShape,
    byDistrict: z.array(RowShape),
    byCategory: z.array(RowShape),
    byProviderKind: z.array(RowShape),
    byForm: z.array(RowShape),
  }),
  solve: z.looseObject({ status: z.enum(['optimal', 'feasible', 'infeasible']), objective: num, bound: num, gap: num, components: num }),
});

export type ResultFileRead = { readonly ok: true; readonly result: ExportableResult } | { readonly ok: false; readonly issues: readonly InputIssue[] };

/** Parses and checks a result file's text. */
export function parseResultFile(text: string): ResultFileRead {
  const json = parseJson(text);
  if (!json.ok) return { ok: false, issues: [json.issue] };
  const parsed = ResultFileSchema.safeParse(json.value, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: fromZodIssues(parsed.error.issues, ResultFileSchema).slice(0, 50) };
  // The schema checked every field the export reads; the rest passes through untouched.
  return { ok: true, result: parsed.data as unknown as ExportableResult };
}
