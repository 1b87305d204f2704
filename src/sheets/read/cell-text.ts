/**
 * Reading one cell as a number, boolean, date or list, whatever form a planner (or Excel) gave
 * it. Each function returns the value or `undefined` when the cell cannot be read that way; the
 * caller turns `undefined` into an issue naming the cell.
 */

/** Our exports prefix `'` to text starting with = + - @ (formula injection); reading undoes it. */
export function unguardText(text: string): string {
  return /^'[=+\-@\t\r\n]/.test(text) ? text.slice(1) : text;
}

/** `1200`, `1,200`, `１２００`, ` 3.5 `, `-2`, `1e3` → number; anything else → undefined. */
export function numberFromText(text: string): number | undefined {
  let t = text.normalize('NFKC').replace(/\s+/g, '');
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

const TRUE_WORDS = new Set(['是', '对', 'true', 'yes', 'y', '1', '√', '✓']);
const FALSE_WORDS = new Set(['否', '不', '不是', 'false', 'no', 'n', '0', '×', '✗']);

/** 是/否, true/false, yes/no, y/n, 1/0 (any case, full-width folded) → boolean. */
export function booleanFromText(text: string): boolean | undefined {
  const t = text.normalize('NFKC').trim().toLowerCase();
  if (TRUE_WORDS.has(t)) return true;
  if (FALSE_WORDS.has(t)) return false;
  return undefined;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** `YYYY-MM-DD` when y-m-d is a real calendar day, else undefined. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** `2025-03-01`, `2025-3-1`, `2025/3/1`, `2025.3.1`, `2025年3月1日`, `20250301` → ISO date. */
export function dateFromText(text: string): string | undefined {
  const t = text.normalize('NFKC').trim();
  const parts = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]00:00(?::00)?)?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!parts) return undefined;
  return isoDate(Number(parts[1]), Number(parts[2]), Number(parts[3]));
}

const DAY_MS = 86_400_000;
/**
 * Day 0 of Excel's 1900 date system, counted so that serials from 61 on are right: Excel takes
 * 1900 for a leap year, so serial 60 is the 29 February 1900 that never was, and serials 1–59
 * count from one day later.
 */
const EXCEL_1900_EPOCH = Date.UTC(1899, 11, 30);
const EXCEL_1904_EPOCH = Date.UTC(1904, 0, 1);

/** An Excel date serial (days, fraction = time of day) → ISO date; out-of-range serials → undefined. */
export function dateFromSerial(serial: number, date1904 = false): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return undefined;
  const day = Math.floor(serial);
  if (!date1904 && day === 60) return undefined;
  const epoch = date1904 ? EXCEL_1904_EPOCH : day < 60 ? EXCEL_1900_EPOCH + DAY_MS : EXCEL_1900_EPOCH;
  const at = new Date(epoch + day * DAY_MS);
  return isoDate(at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate());
}

/** A date cell exceljs decoded (it builds dates in UTC) → ISO date. */
export function dateFromDate(date: Date): string | undefined {
  if (Number.isNaN(date.getTime())) return undefined;
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** Splits a list cell on 、 , ， ; ； and line breaks; blank items are dropped. */
export function splitList(text: string): string[] {
  return text
    .split(/[、,，;；\r\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
