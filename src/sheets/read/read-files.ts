/**
 * Uploaded files → sheet tables. The format comes from the bytes (an .xlsx is a ZIP archive),
 * not only the name, so a workbook saved as `x.csv` or uploaded without a name still reads.
 */
import type { InputIssue } from '../../domain/issues.js';
import type { TextEncoding } from './decode-text.js';
import { readCsv } from './read-csv.js';
import { looksLikeOldXls, looksLikeZip, readXlsx } from './read-xlsx.js';
import type { SheetTable } from './sheet-table.js';

/** A file as given: its name (base name is enough) and its bytes. */
export interface SheetFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface ReadFilesResult {
  readonly tables: readonly SheetTable[];
  /** File-level problems (unreadable, wrong format). */
  readonly issues: readonly InputIssue[];
  /** The detected encoding of each CSV file, by file name. */
  readonly encodings: Readonly<Record<string, TextEncoding>>;
  /** Whether each workbook counts dates from 1904 (old Mac Excel), by file name. */
  readonly date1904: Readonly<Record<string, boolean>>;
}

function baseName(name: string): string {
  return name.split(/[\\/]/).pop() || name;
}

/** Reads every file; problems with one file do not stop the others being read. */
export async function readSheetFiles(files: readonly SheetFile[]): Promise<ReadFilesResult> {
  const tables: SheetTable[] = [];
  const issues: InputIssue[] = [];
  const encodings: Record<string, TextEncoding> = {};
  const date1904: Record<string, boolean> = {};
  for (const file of files) {
    const name = baseName(file.name);
    if (looksLikeOldXls(file.bytes)) {
      issues.push({ path: [name], code: 'unsupported_format', message: 'this is an old binary .xls workbook', hint: 'save it as .xlsx or CSV and try again' });
    } else if (looksLikeZip(file.bytes)) {
      const read = await readXlsx(name, file.bytes);
      if (read.ok) {
        tables.push(...read.tables);
        date1904[name] = read.date1904;
      } else issues.push(read.issue);
    } else if (/\.xlsx$/i.test(name)) {
      issues.push({ path: [name], code: 'unreadable_xlsx', message: 'the file is named .xlsx but is not a workbook' });
    } else {
      const read = readCsv(name, file.bytes);
      if (read.ok) {
        tables.push(read.table);
        encodings[name] = read.encoding;
      } else issues.push(read.issue);
    }
  }
  return { tables, issues, encodings, date1904 };
}
