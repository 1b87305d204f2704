/**
 * OutTable → an exceljs worksheet: bold header row (required headers shaded), frozen header,
 * widths, number formats, an autofilter; formula-like text neutralised. Workbook timestamps are
 * fixed so the same content gives the same workbook properties.
 */
import ExcelJS from 'exceljs';
import { safeCell } from './formula-guard.js';
import { fitWidth, type OutTable } from './out-table.js';

const REQUIRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const FIXED_DATE = new Date(Date.UTC(2025, 0, 1));

/** A new workbook with stable properties. */
export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'jiedui';
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  return workbook;
}

/** Adds a table as a worksheet. */
export function addTableSheet(workbook: ExcelJS.Workbook, table: OutTable): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.headers.map((header, i) => ({
    header: safeCell(header) as string,
    width: table.widths?.[i] ?? fitWidth(table, i),
    ...(table.numFmts?.[i] ? { style: { numFmt: table.numFmts[i] } } : {}),
  }));
  for (const row of table.rows) sheet.addRow(row.map(safeCell));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell, col) => {
    cell.fill = table.required?.[col - 1] ? REQUIRED_FILL : HEADER_FILL;
  });
  if (table.headers.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.headers.length } };
  return sheet;
}

/** The workbook's bytes. */
export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
