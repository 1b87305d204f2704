/**
 * `jiedui import FILE... --out batch.json`: planners' spreadsheets (.xlsx, .csv in UTF-8 with or
 * without BOM, or GB18030) → a validated batch. Every bad cell is listed with sheet, row, column
 * and reason, and nothing is written (exit 2), unless `--keep-valid`: then the valid rows are
 * written and the rejected ones go to a rejects workbook with a reason column.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { InvalidInputError } from '../../domain/issues.js';
import type { Lang, SheetFile } from '../../sheets/index.js';
import { EXIT_INVALID_INPUT } from '../report-failure.js';

interface ImportFlags {
  out: string;
  keepValid?: boolean;
  rejects?: string;
  name?: string;
  lang: Lang;
}

function readFiles(paths: readonly string[]): SheetFile[] {
  return paths.map((path) => {
    try {
      return { name: path, bytes: readFileSync(path) };
    } catch (error) {
      const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
      throw new InvalidInputError([{ path: [path], code: 'unreadable_file', message: `cannot read the file: ${reason}` }], 'import');
    }
  });
}

function rejectsPath(flags: ImportFlags): string {
  return flags.rejects ?? `${flags.out.replace(/\.json$/i, '')}.rejects.xlsx`;
}

/** Runs the import; returns the exit code (0, or 2 for bad input). */
export async function importAction(paths: readonly string[], flags: ImportFlags, out: (l: string) => void, err: (l: string) => void): Promise<number> {
  // exceljs takes half a second to load: only commands that use it pay for it.
  const { describeSheetIssue, importSheets, rejectsSummary, rejectsWorkbook } = await import('../../sheets/index.js');
  const result = await importSheets(readFiles(paths), { ...(flags.keepValid ? { keepValid: true } : {}), ...(flags.name ? { name: flags.name } : {}) });
  for (const s of result.report.sheets) {
    const what = s.section ? `${s.section}, ${s.records} rows` : `skipped: ${s.skipped}`;
    const encoding = result.report.encodings[s.file];
    out(`${s.file}${s.file.endsWith('.csv') ? '' : `!${s.sheet}`}: ${what}${encoding ? ` (${encoding})` : ''}`);
  }
  if (!result.ok) {
    err(`error: import: ${result.issues.length} issue${result.issues.length === 1 ? '' : 's'}; nothing written`);
    for (const issue of result.issues) err(`  ${describeSheetIssue(issue)}`);
    return EXIT_INVALID_INPUT;
  }
  writeFileSync(flags.out, `${JSON.stringify(result.batch, null, 1)}\n`);
  const b = result.batch;
  out(`wrote ${flags.out}: ${b.communities.length} communities, ${b.needs.length} needs, ${b.offers.length} offers, ${b.previousPairings.length} earlier pairings`);
  if (result.rejected.length > 0) {
    const path = rejectsPath(flags);
    writeFileSync(path, await rejectsWorkbook(result.rejected, flags.lang));
    err(`warning: ${result.rejected.length} row${result.rejected.length === 1 ? '' : 's'} rejected, written to ${path}:`);
    for (const line of rejectsSummary(result.rejected)) err(`  ${line}`);
  }
  return 0;
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('read needs, offers and communities from .xlsx/.csv spreadsheets into a batch JSON')
    .argument('<files...>', '.xlsx workbooks and/or .csv files (UTF-8 with or without BOM, or GB18030)')
    .requiredOption('--out <file>', 'batch JSON to write')
    .option('--keep-valid', 'write the valid rows and put the bad ones in a rejects workbook, instead of writing nothing')
    .option('--rejects <file>', 'rejects workbook for --keep-valid (default: next to --out, .rejects.xlsx)')
    .option('--name <name>', 'name of the batch')
    .addOption(new Option('--lang <lang>', 'language of the rejects sheet').choices(['zh', 'en']).default('zh'))
    .action(async (files: string[], flags: ImportFlags) => {
      const code = await importAction(files, flags, (l) => process.stdout.write(`${l}\n`), (l) => process.stderr.write(`${l}\n`));
      if (code !== 0) process.exitCode = code;
    });
}
