/**
 * What a spreadsheet column is: the batch field it fills, its header in Chinese and English, how
 * a cell is read, and what the explanation sheet says about it. One definition serves the
 * template writer, the reader and the explanation sheet, so they cannot disagree.
 */
import type { Label } from '../../domain/taxonomy.js';

/** The closed vocabularies a cell may name by id, Chinese label or English label. */
export type VocabularyName = 'category' | 'providerKind' | 'form' | 'unit' | 'communityKind' | 'needKind' | 'triage';

/**
 * How a cell is read:
 * - `id` / `text`: trimmed text (a number typed into an id cell becomes its digits);
 * - `integer` / `number`: a number cell, or text such as `1,200` or full-width `１２`;
 * - `boolean`: 是/否, true/false, yes/no, 1/0;
 * - `date`: ISO `2025-03-01`, `2025/3/1`, `2025年3月1日` or an Excel date;
 * - `enum`: id or label of `vocabulary`;
 * - `textList` / `enumList` / `communityList`: several values separated by 、 , ， ; ； or a line break.
 */
export type CellKind =
  | 'id'
  | 'text'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'date'
  | 'enum'
  | 'textList'
  | 'enumList'
  | 'community'
  | 'communityList';

/** An example shown in the explanation sheet, in the language of the sheet. */
export type Example = string | number | Label;

export interface ColumnDef {
  /** Dotted path of the batch field (`location.lat`, `provider.name`, `window.start`). */
  readonly field: string;
  readonly header: Label;
  /** Other headers accepted for this column (compared after normalisation). */
  readonly aliases?: readonly string[];
  readonly kind: CellKind;
  readonly vocabulary?: VocabularyName;
  /** Whether a row must fill it (the batch schema has no default for it). */
  readonly required: boolean;
  readonly note: Label;
  readonly example: Example;
}

export type SectionKey = 'communities' | 'needs' | 'offers' | 'previousPairings';

export interface SectionDef {
  readonly key: SectionKey;
  /** The data sheet's name, and the stem of template files (`needs.xlsx`). */
  readonly sheetName: Label;
  readonly fileStem: string;
  /** Other sheet names taken to hold this section. */
  readonly sheetAliases: readonly string[];
  readonly columns: readonly ColumnDef[];
  /**
   * Columns that are not ours are ignored instead of reported. Only for earlier pairings, so a
   * pairings sheet exported from a run (with amounts, scores, …) can be fed back as continuity.
   */
  readonly ignoreUnknownColumns: boolean;
}
