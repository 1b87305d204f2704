/**
 * OutTable → CSV bytes. UTF-8 with a byte-order mark by default, because that is what makes
 * Excel open Chinese text correctly; GB18030 on request for older Excel setups. RFC 4180 quoting,
 * CRLF line ends, formula-like text neutralised.
 */
import iconv from 'iconv-lite';
import { safeCell } from './formula-guard.js';
import type { OutCell, OutTable } from './out-table.js';

export type CsvEncoding = 'utf-8-bom' | 'utf-8' | 'gb18030';

function csvField(value: OutCell): string {
  const safe = safeCell(value);
  if (safe === null) return '';
  const text = String(safe);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text of a table (header row first). */
export function csvText(table: OutTable): string {
  const lines = [table.headers, ...table.rows].map((row) => row.map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** The CSV bytes of a table in an encoding. */
export function csvBytes(table: OutTable, encoding: CsvEncoding = 'utf-8-bom'): Buffer {
  const text = csvText(table);
  if (encoding === 'gb18030') return iconv.encode(text, 'gb18030');
  const body = Buffer.from(text, 'utf8');
  return encoding === 'utf-8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}
