/**
 * `jiedui export RESULT.json`: a result written by `jiedui solve --out` → an .xlsx workbook
 * (pairings, unmet needs, statistics, summary; Chinese headers unless --lang en) or one .csv per
 * sheet, ready to print or sign. `--batch` adds need titles and provider names.
 */
import { dirname, join, basename } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { InvalidInputError } from '../../domain/issues.js';
import { loadBatchOrThrow } from '../../intake/load-batch.js';
import type { ExportFormat, Lang } from '../../sheets/index.js';
import type { CsvEncoding } from '../../sheets/write/write-csv.js';
import { readInput } from './solve.js';

interface ExportFlags {
  format: ExportFormat;
  lang: Lang;
  out?: string;
  batch?: string;
  encoding: CsvEncoding;
}

/** Where files go: `--out` names the workbook, or the CSV files' common prefix (`x` → x-pairings.csv). */
function target(resultPath: string, flags: ExportFlags): { dir: string; stem: string } {
  const out = flags.out ?? resultPath.replace(/\.json$/i, '');
  const bare = out.replace(flags.format === 'xlsx' ? /\.xlsx$/i : /\.csv$/i, '');
  return { dir: dirname(bare), stem: basename(bare) };
}

export async function exportAction(resultPath: string, flags: ExportFlags, write: (line: string) => void): Promise<void> {
  // exceljs takes half a second to load: only commands that use it pay for it.
  const { exportResultFiles, parseResultFile } = await import('../../sheets/index.js');
  const read = parseResultFile(readInput(resultPath, 'result'));
  if (!read.ok) throw new InvalidInputError(read.issues, 'export: result');
  const batch = flags.batch ? loadBatchOrThrow(readInput(flags.batch, 'batch')) : undefined;
  const { dir, stem } = target(resultPath, flags);
  const files = await exportResultFiles(read.result, { format: flags.format, lang: flags.lang, stem, encoding: flags.encoding, ...(batch ? { batch } : {}) });
  mkdirSync(dir, { recursive: true });
  for (const file of files) {
    writeFileSync(join(dir, file.name), file.bytes);
    write(`wrote ${join(dir, file.name)} (${file.bytes.length} bytes)`);
  }
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('export a result (from `jiedui solve --out`) as .xlsx or .csv: pairings, unmet needs, statistics')
    .argument('<result>', 'result JSON written by `jiedui solve --out`')
    .addOption(new Option('--format <format>', 'file format').choices(['xlsx', 'csv']).default('xlsx'))
    .addOption(new Option('--lang <lang>', 'header and label language').choices(['zh', 'en']).default('zh'))
    .option('--out <file>', 'workbook to write, or for csv the prefix of the files (default: next to the result)')
    .option('--batch <file>', 'the batch that was solved: adds need titles and provider names')
    .addOption(new Option('--encoding <encoding>', 'CSV encoding').choices(['utf-8-bom', 'utf-8', 'gb18030']).default('utf-8-bom'))
    .action((result: string, flags: ExportFlags) => exportAction(result, flags, (line) => process.stdout.write(`${line}\n`)));
}
