/**
 * The files `jiedui template` writes: for each section a blank `.xlsx` template, a `.csv` with the
 * header row, and `*-columns.csv` explaining the columns (CSV has no second sheet); and, for a
 * filled batch, one workbook plus a CSV per section.
 */
import type { Batch } from '../../domain/batch-schema.js';
import { SECTIONS } from '../columns/index.js';
import type { Lang } from '../vocabulary.js';
import { batchTables, sectionTable } from './batch-tables.js';
import { explanationTable } from './explanation-tables.js';
import { batchWorkbook, templateWorkbook } from './template-workbooks.js';
import { csvBytes } from './write-csv.js';

export interface OutFile {
  readonly name: string;
  readonly bytes: Buffer;
}

/** Blank templates for every section. */
export async function templateFiles(lang: Lang): Promise<OutFile[]> {
  const files: OutFile[] = [];
  for (const section of SECTIONS) {
    files.push({ name: `${section.fileStem}.xlsx`, bytes: await templateWorkbook(section, lang) });
    files.push({ name: `${section.fileStem}.csv`, bytes: csvBytes(sectionTable(section, [], lang)) });
    files.push({ name: `${section.fileStem}-columns.csv`, bytes: csvBytes(explanationTable([section], lang)) });
  }
  return files;
}

/** A batch as `<stem>.xlsx` and `<stem>-<section>.csv` files. */
export async function batchFiles(batch: Batch, lang: Lang, stem: string): Promise<OutFile[]> {
  const files: OutFile[] = [{ name: `${stem}.xlsx`, bytes: await batchWorkbook(batch, lang) }];
  batchTables(batch, lang).forEach((table, i) => {
    files.push({ name: `${stem}-${SECTIONS[i]!.fileStem}.csv`, bytes: csvBytes(table) });
  });
  return files;
}
