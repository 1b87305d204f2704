/**
 * Formula (CSV) injection: a text cell beginning with `=`, `+`, `-` or `@` is taken as a formula
 * by spreadsheet programs (`=HYPERLINK(...)`, `=cmd|' /C calc'!A0`), and a tab or line break
 * can hide such a start. Every text cell we write goes through here and gets a leading `'`, the
 * prefix OWASP recommends and Excel itself uses to mark literal text; our readers take it off
 * again (read/cell-text.ts). Numbers are written as numbers and are never touched.
 */

// A line feed is included because XML (inside .xlsx) turns a carriage return into one.
const FORMULA_START = /^[=+\-@\t\r\n]/;

/** The text with a leading `'` when it could be taken for a formula; otherwise unchanged. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell value as written: text is neutralised, numbers and blanks pass. */
export function safeCell(value: string | number | null | undefined): string | number | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? neutraliseFormula(value) : value;
}
