/** `jiedui generate`: writes exactly the generator's text, prints a summary, checks its flags. */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { generateAction, registerGenerate, writeChunks } from '../../src/cli/commands/generate.js';
import { batchToJson, generateBatch } from '../../src/generate/index.js';

const dir = mkdtempSync(join(tmpdir(), 'jiedui-generate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function program(): Command {
  const p = new Command().exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
  registerGenerate(p);
  return p;
}

describe('jiedui generate', () => {
  it('writes the batch of the family and seed and prints a one-line summary', () => {
    const out = join(dir, 'cz-2.json');
    const lines: string[] = [];
    generateAction({ family: 'changzhou', seed: 2, out }, (l) => lines.push(l));
    const text = readFileSync(out, 'utf8');
    expect(text).toBe(batchToJson(generateBatch('changzhou', 2)));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^generated changzhou seed 2: 101 communities, 800 needs \(200 micro-wishes\), 400 offers, 12 previous pairings, \d+ bytes/);
    expect(lines[0]).toContain(`${Buffer.byteLength(text)} bytes`);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('parses --family, --seed and --out, defaulting to changzhou seed 1', async () => {
    const out = join(dir, 'default.json');
    await program().parseAsync(['generate', '--out', out], { from: 'user' });
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(new URL('../../data/sample-changzhou.json', import.meta.url), 'utf8'));
  });

  it('rejects a bad seed, an unknown family and a missing --out', async () => {
    await expect(program().parseAsync(['generate', '--seed', '-3', '--out', join(dir, 'x.json')], { from: 'user' })).rejects.toThrow(/seed|argument/);
    await expect(program().parseAsync(['generate', '--seed', '2.5', '--out', join(dir, 'x.json')], { from: 'user' })).rejects.toThrow(/non-negative integer/);
    await expect(program().parseAsync(['generate', '--family', 'town', '--out', join(dir, 'x.json')], { from: 'user' })).rejects.toThrow(/town/);
    await expect(program().parseAsync(['generate'], { from: 'user' })).rejects.toThrow(/--out/);
  });

  it('writes chunks in pieces and counts UTF-8 bytes', () => {
    const out = join(dir, 'chunks.txt');
    const chunks = ['常州', 'x'.repeat(1 << 20), '\n'];
    expect(writeChunks(out, chunks)).toBe(6 + (1 << 20) + 1);
    expect(readFileSync(out, 'utf8')).toBe(chunks.join(''));
  });
});
