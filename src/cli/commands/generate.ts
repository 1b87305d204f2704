/**
 * `jiedui generate`: write a deterministic, realistic batch (communities, needs, offers) of a
 * family — the Changzhou pilot, the whole city, or a province — for demos, tests and benchmarks.
 */
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { FAMILY_IDS, generateBatch, serializeBatch, type FamilyId } from '../../generate/index.js';

interface GenerateFlags {
  family: FamilyId;
  seed: number;
  out: string;
}

/** Flushes output in pieces of about this many characters: a province batch never becomes one string. */
const FLUSH_CHARS = 1 << 20;

function parseSeed(value: string): number {
  const seed = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(seed)) throw new InvalidArgumentError('a non-negative integer is expected');
  return seed;
}

/** Writes `chunks` to `path` through a temporary file (no half-written batch on failure); returns bytes written. */
export function writeChunks(path: string, chunks: Iterable<string>): number {
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  let bytes = 0;
  try {
    let pending = '';
    const flush = (): void => {
      bytes += writeSync(fd, pending);
      pending = '';
    };
    for (const chunk of chunks) {
      pending += chunk;
      if (pending.length >= FLUSH_CHARS) flush();
    }
    flush();
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temporary, path);
  return bytes;
}

export function generateAction(flags: GenerateFlags, write: (line: string) => void): void {
  const batch = generateBatch(flags.family, flags.seed);
  const bytes = writeChunks(flags.out, serializeBatch(batch));
  const wishes = batch.needs.filter((n) => n.kind === 'micro_wish').length;
  write(
    `generated ${flags.family} seed ${flags.seed}: ${batch.communities.length} communities, ` +
      `${batch.needs.length} needs (${wishes} micro-wishes), ${batch.offers.length} offers, ` +
      `${batch.previousPairings?.length ?? 0} previous pairings, ${bytes} bytes → ${flags.out}`,
  );
}

export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description('write a deterministic sample batch (same family and seed, same bytes)')
    .addOption(new Option('--family <family>', 'changzhou: 101 pilot communities; city: 1,000; province: 12,000').choices(FAMILY_IDS).default('changzhou'))
    .option('--seed <n>', 'seed of the generator', parseSeed, 1)
    .requiredOption('--out <file>', 'where to write the batch JSON')
    .action((flags: GenerateFlags) => generateAction(flags, (line) => process.stdout.write(`${line}\n`)));
}
