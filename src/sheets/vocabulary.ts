/**
 * The closed vocabularies of the sheets (category, provider kind, form, unit, community kind, need
 * kind, triage) with lookup from whatever a planner typed: the id, the Chinese label or the English
 * label, in any case and with full-width characters folded.
 */
import { CATEGORIES, COMMUNITY_KINDS, NEED_KINDS, PROVIDER_KINDS, SUPPORT_FORMS, TRIAGE, type Label } from '../domain/taxonomy.js';
import { UNITS } from '../domain/units.js';
import type { VocabularyName } from './columns/types.js';

export type Lang = 'zh' | 'en';

function unitLabels(): Record<string, Label> {
  const out: Record<string, Label> = {};
  for (const [id, def] of Object.entries(UNITS)) out[id] = def.label;
  return out;
}

/** Labels of every vocabulary, by id. */
export const VOCABULARY_LABELS: Readonly<Record<VocabularyName, Readonly<Record<string, Label>>>> = {
  category: CATEGORIES,
  providerKind: PROVIDER_KINDS,
  form: SUPPORT_FORMS,
  unit: unitLabels(),
  communityKind: COMMUNITY_KINDS,
  needKind: NEED_KINDS,
  triage: TRIAGE,
};

/** What each vocabulary is called in messages and the options sheet. */
export const VOCABULARY_TITLES: Readonly<Record<VocabularyName, Label>> = {
  category: { zh: '需求类别', en: 'category' },
  providerKind: { zh: '提供方类型', en: 'provider kind' },
  form: { zh: '支持形式', en: 'support form' },
  unit: { zh: '单位', en: 'unit' },
  communityKind: { zh: '社区类型', en: 'community kind' },
  needKind: { zh: '需求类型', en: 'need kind' },
  triage: { zh: '三事分流', en: 'triage' },
};

/**
 * Folds text for comparison: Unicode NFKC (full-width letters, digits and brackets become ASCII),
 * lower case, typographic quotes made plain, runs of spaces, `_` and `-` made one space.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[“”„‟«»「」]/g, '"')
    .replace(/[\s_\-]+/g, ' ')
    .trim();
}

/** The key a name is looked up by: folded, quotes dropped ("两企三新"领域 is often typed without them). */
function lookupKey(text: string): string {
  return foldText(text).replace(/"/g, '');
}

function buildLookup(labels: Readonly<Record<string, Label>>): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const [id, label] of Object.entries(labels)) {
    for (const name of [id, label.zh, label.en]) map.set(lookupKey(name), id);
  }
  return map;
}

const LOOKUPS = new Map<VocabularyName, ReadonlyMap<string, string>>(
  (Object.keys(VOCABULARY_LABELS) as VocabularyName[]).map((name) => [name, buildLookup(VOCABULARY_LABELS[name])]),
);

/** The id a cell names (by id, zh or en label), or undefined. */
export function resolveVocabulary(name: VocabularyName, text: string): string | undefined {
  return LOOKUPS.get(name)?.get(lookupKey(text));
}

/** The label of an id in a language; the id itself when it has no label. */
export function labelOf(name: VocabularyName, id: string, lang: Lang): string {
  return VOCABULARY_LABELS[name][id]?.[lang] ?? id;
}
