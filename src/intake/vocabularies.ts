/**
 * The closed vocabularies a batch uses, with their bilingual labels, so an invalid value can be
 * answered with the nearest valid id whichever language (or id spelling) the planner used.
 */
import {
  CATEGORIES,
  COMMUNITY_KINDS,
  NEED_KINDS,
  PROVIDER_KINDS,
  SUPPORT_FORMS,
  TRIAGE,
  type Label,
} from '../domain/taxonomy.js';
import { UNITS } from '../domain/units.js';

/** A closed set of ids and the labels planners may type instead of them. */
export interface Vocabulary {
  readonly name: string;
  readonly labels: Readonly<Record<string, Label>>;
}

function unitLabels(): Record<string, Label> {
  const out: Record<string, Label> = {};
  for (const [id, def] of Object.entries(UNITS)) out[id] = def.label;
  return out;
}

/** Every enum the batch schema uses that has labels. */
export const VOCABULARIES: readonly Vocabulary[] = [
  { name: 'category', labels: CATEGORIES },
  { name: 'provider kind', labels: PROVIDER_KINDS },
  { name: 'support form', labels: SUPPORT_FORMS },
  { name: 'community kind', labels: COMMUNITY_KINDS },
  { name: 'need kind', labels: NEED_KINDS },
  { name: 'triage', labels: TRIAGE },
  { name: 'unit', labels: unitLabels() },
];

/** The vocabulary whose ids are exactly `values` (as a zod enum issue lists them), if any. */
export function vocabularyFor(values: readonly unknown[]): Vocabulary | undefined {
  return VOCABULARIES.find((v) => {
    const ids = Object.keys(v.labels);
    return ids.length === values.length && values.every((x) => typeof x === 'string' && ids.includes(x));
  });
}
