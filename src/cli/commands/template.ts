/**
 * `jiedui template --out DIR`: blank spreadsheet templates for communities, needs, offers and
 * earlier pairings (.xlsx with explanation and option sheets, .csv, and *-columns.csv).
 * With `--from BATCH.json`, the batch filled into the same layout instead (one workbook and a
 * CSV per section), which is how data/sample-changzhou.xlsx is made.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Command, Option } from 'commander';
import { BatchSchema, type Batch } from '../../domain/batch-schema.js';
import { InvalidInputError } from '../../domain/issues.js';
import { parseBatch } from '../../intake/load-batch.js';
import type { Lang, OutFile } from '../../sheets/index.js';
import { readInput } from './solve.js';

interface TemplateFlags {
  out: string;
  lang: Lang;
  from?: string;
  stem?: string;
}

/** The batch as written (units as the planner chose them, defaults filled), after full intake checks. */
function loadBatchAsWritten(path: string): Batch {
  const text = readInput(path, 'batch');
  const checked = parseBatch(text);
  if (!checked.ok) throw new InvalidInputError(checked.issues, 'template: batch');
  return BatchSchema.parse(JSON.parse(text.replace(/^\uFEFF/, '')));
}

export async function templateAction(flags: TemplateFlags, write: (line: string) => void): Promise<void> {
  // exceljs takes half a second to load: only commands that use it pay for it.
  const { batchFiles, templateFiles } = await import('../../sheets/index.js');
  let files: OutFile[];
  if (flags.from) {
    const stem = flags.stem ?? basename(flags.from).replace(/\.json$/i, '');
    files = await batchFiles(loadBatchAsWritten(flags.from), flags.lang, stem);
  } else {
    files = await templateFiles(flags.lang);
  }
  mkdirSync(flags.out, { recursive: true });
  for (const file of files) {
    writeFileSync(join(flags.out, file.name), file.bytes);
    write(`wrote ${join(flags.out, file.name)} (${file.bytes.length} bytes)`);
  }
}

export function registerTemplate(program: Command): void {
  program
    .command('template')
    .description('write spreadsheet templates (.xlsx and .csv) for communities, needs, offers and earlier pairings')
    .requiredOption('--out <dir>', 'directory to write into (created if missing)')
    .addOption(new Option('--lang <lang>', 'header and label language').choices(['zh', 'en']).default('zh'))
    .option('--from <batch>', 'fill the sheets with this batch JSON instead of writing blank templates')
    .option('--stem <name>', 'file name stem for --from (default: the batch file name)')
    .action((flags: TemplateFlags) => templateAction(flags, (line) => process.stdout.write(`${line}\n`)));
}
