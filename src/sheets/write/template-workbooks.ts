/**
 * Workbooks for planners: a template per section (data sheet with headers only, the explanation
 * sheet, the option lists) and a filled workbook of a whole batch (every section's sheet, same
 * explanation and options). Enum columns get a drop-down of the labels in the sheet's language;
 * it does not refuse other text, since ids and the other language's labels are accepted too.
 */
import type ExcelJS from 'exceljs';
import type { Batch } from '../../domain/batch-schema.js';
import { SECTIONS, type SectionDef } from '../columns/index.js';
import type { Lang } from '../vocabulary.js';
import { batchTables, sectionTable } from './batch-tables.js';
import { OPTIONS_SHEET, explanationTable, optionRanges, optionsTable } from './explanation-tables.js';
import { addTableSheet, newWorkbook, workbookBytes } from './write-xlsx.js';
import { columnLetter } from '../read/sheet-table.js';

/** Rows a blank template's drop-downs reach down to. */
const TEMPLATE_ROWS = 1000;

interface RangeValidations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

function addDropDowns(sheet: ExcelJS.Worksheet, section: SectionDef, lang: Lang, lastRow: number): void {
  const ranges = optionRanges();
  const labelColumn = lang === 'zh' ? 'C' : 'D';
  // exceljs 4 has range validations at runtime but not in its type declarations.
  const validations = (sheet as unknown as { dataValidations: RangeValidations }).dataValidations;
  section.columns.forEach((column, i) => {
    if (column.kind !== 'enum' || !column.vocabulary) return;
    const { first, last } = ranges[column.vocabulary];
    const letter = columnLetter(i);
    validations.add(`${letter}2:${letter}${lastRow}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`'${OPTIONS_SHEET[lang]}'!$${labelColumn}$${first}:$${labelColumn}$${last}`],
      showErrorMessage: false,
    });
  });
}

function addHelpSheets(workbook: ExcelJS.Workbook, sections: readonly SectionDef[], lang: Lang): void {
  addTableSheet(workbook, explanationTable(sections, lang));
  addTableSheet(workbook, optionsTable(lang));
}

/** A blank template for one section. */
export async function templateWorkbook(section: SectionDef, lang: Lang): Promise<Buffer> {
  const workbook = newWorkbook();
  const sheet = addTableSheet(workbook, sectionTable(section, [], lang));
  addDropDowns(sheet, section, lang, TEMPLATE_ROWS);
  addHelpSheets(workbook, [section], lang);
  return workbookBytes(workbook);
}

/** A whole batch as one filled workbook (communities, needs, offers, earlier pairings). */
export async function batchWorkbook(batch: Batch, lang: Lang): Promise<Buffer> {
  const workbook = newWorkbook();
  batchTables(batch, lang).forEach((table, i) => {
    const sheet = addTableSheet(workbook, table);
    addDropDowns(sheet, SECTIONS[i]!, lang, Math.max(table.rows.length + 1, 2));
  });
  addHelpSheets(workbook, SECTIONS, lang);
  return workbookBytes(workbook);
}
