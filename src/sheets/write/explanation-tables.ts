/**
 * The sheets that explain a template: one row per column (header in both languages, required or
 * not, what it means, an example), and the option lists (every id with its Chinese and English
 * label) that enum columns accept and the data sheet's drop-downs point at.
 */
import type { Label } from '../../domain/taxonomy.js';
import type { Example, SectionDef, VocabularyName } from '../columns/index.js';
import { VOCABULARY_LABELS, VOCABULARY_TITLES, type Lang } from '../vocabulary.js';
import type { OutTable } from './out-table.js';

export const EXPLANATION_SHEET: Label = { zh: '填写说明', en: 'columns' };
export const OPTIONS_SHEET: Label = { zh: '选项', en: 'options' };

const EXPLANATION_HEADERS: Readonly<Record<Lang, readonly string[]>> = {
  zh: ['表', '列名', '英文列名', '必填', '说明', '示例', '字段'],
  en: ['Sheet', 'Column', 'Chinese header', 'Required', 'Notes', 'Example', 'Field'],
};

function exampleText(example: Example, lang: Lang): string | number {
  return typeof example === 'object' ? example[lang] : example;
}

/** One row per column of each section. */
export function explanationTable(sections: readonly SectionDef[], lang: Lang): OutTable {
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const yes = lang === 'zh' ? ['是', '否'] : ['yes', 'no'];
  const rows = sections.flatMap((s) =>
    s.columns.map((c) => [s.sheetName[lang], c.header[lang], c.header[other], c.required ? yes[0]! : yes[1]!, c.note[lang], exampleText(c.example, lang), c.field]),
  );
  return { name: EXPLANATION_SHEET[lang], headers: EXPLANATION_HEADERS[lang], rows, widths: [10, 18, 22, 6, 60, 24, 22] };
}

/** The vocabularies in the order the options sheet lists them. */
export const OPTION_VOCABULARIES: readonly VocabularyName[] = ['category', 'form', 'unit', 'providerKind', 'communityKind', 'needKind', 'triage'];

/** Row range (1-based, inclusive) of each vocabulary in the options sheet, for drop-downs. */
export function optionRanges(): Record<VocabularyName, { first: number; last: number }> {
  const out = {} as Record<VocabularyName, { first: number; last: number }>;
  let row = 2;
  for (const name of OPTION_VOCABULARIES) {
    const n = Object.keys(VOCABULARY_LABELS[name]).length;
    out[name] = { first: row, last: row + n - 1 };
    row += n;
  }
  return out;
}

/** Every vocabulary value: what list it belongs to, its id, Chinese and English label. */
export function optionsTable(lang: Lang): OutTable {
  const headers = lang === 'zh' ? ['项目', '编号', '中文', 'English'] : ['List', 'Id', '中文', 'English'];
  const rows = OPTION_VOCABULARIES.flatMap((name) =>
    Object.entries(VOCABULARY_LABELS[name]).map(([id, label]) => [VOCABULARY_TITLES[name][lang], id, label.zh, label.en]),
  );
  return { name: OPTIONS_SHEET[lang], headers, rows, widths: [12, 22, 22, 50] };
}
